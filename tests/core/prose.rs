//! The prose readings: metadata, outline and facts.

mod gold;
mod perf;
mod shapes;
