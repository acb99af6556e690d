//! The three statutory tables read from real reports, from renderings of gold values and
//! from the minimal shapes that once failed.

mod real;
mod regressions;
mod render;
