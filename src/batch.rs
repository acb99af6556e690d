//! Parsing a batch in parallel, with the results handed back in input order on the
//! calling thread (the binding turns them into Python objects there, holding the GIL).
//!
//! The calling thread parses too, and converts each result as soon as it is the next in
//! order; `threads - 1` workers on a rayon pool parse alongside. Items are taken in input
//! order from a shared counter. So one thread parses and converts each report while it is
//! hot in the cache, and more threads add parsers without leaving a core to conversion
//! alone. `threads = Some(1)` parses on the calling thread only (no pool: safe after
//! `fork()`).

use std::collections::HashMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, LazyLock, Mutex};

use crate::error::{guarded, CoreError};
use crate::model::Report;
use crate::report::{self, Input, Options};

/// One input of a batch; `B` holds the bytes (a `Vec<u8>`, or the caller's buffer).
#[derive(Debug, Clone)]
pub enum Item<B> {
    /// A page or file as downloaded, with its HTTP `Content-Type` and URL.
    Bytes { data: B, content_type: Option<String>, url: Option<String> },
    /// Already decoded text or HTML.
    Str { text: String, url: Option<String> },
    /// A file to read.
    Path { path: String, url: Option<String> },
}

impl<B: AsRef<[u8]>> Item<B> {
    /// Parses this item with the batch's options (its own content type and URL in place of
    /// theirs); a panic is an `Internal` error of this item alone.
    pub fn parse(&self, base: &Options) -> Result<Report, CoreError> {
        guarded(|| {
            let mut opts = base.clone();
            match self {
                Item::Bytes { data, content_type, url } => {
                    opts.content_type.clone_from(content_type);
                    opts.url.clone_from(url);
                    report::parse(Input::Bytes(data.as_ref()), &opts)
                }
                Item::Str { text, url } => {
                    opts.url.clone_from(url);
                    report::parse(Input::Str(text), &opts)
                }
                Item::Path { path, url } => {
                    opts.url.clone_from(url);
                    report::parse_file(path, &opts)
                }
            }
        })
    }
}

/// The thread that runs a batch: it parses too, and receives the results in order.
pub trait Caller {
    /// Runs `f` with whatever the caller holds released (for the binding: the GIL).
    fn detached<T: Send, F: FnOnce() -> T + Send>(&mut self, f: F) -> T;
}

/// A caller that holds nothing.
pub struct Plain;

impl Caller for Plain {
    fn detached<T: Send, F: FnOnce() -> T + Send>(&mut self, f: F) -> T {
        f()
    }
}

/// Why a batch stopped before every result was handed back.
#[derive(Debug)]
pub enum BatchError<E> {
    /// The thread pool could not be built.
    Pool(String),
    /// A worker stopped without sending its result.
    WorkerStopped,
    /// The caller's `emit` failed.
    Emit(E),
}

/// The number of threads rayon's global pool uses (the default for `threads = None`).
pub fn default_threads() -> usize {
    rayon::current_num_threads()
}

static POOLS: LazyLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// A cached pool per thread count (building one per call would cost more than small batches).
fn pool(threads: usize) -> Result<Arc<rayon::ThreadPool>, String> {
    let mut pools = POOLS.lock().map_err(|e| e.to_string())?;
    if let Some(p) = pools.get(&threads) {
        return Ok(p.clone());
    }
    let p = Arc::new(rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| e.to_string())?);
    pools.insert(threads, p.clone());
    Ok(p)
}

/// Runs `work` over `items` on `threads` threads (the calling one included; `None`: rayon's
/// global pool) and hands each result to `emit` on the calling thread, in input order.
/// A panic in `work` on a worker is resumed on the calling thread.
pub fn run<T, R, W, C, E>(
    items: Vec<T>,
    threads: Option<usize>,
    work: W,
    caller: &mut C,
    mut emit: impl FnMut(&mut C, usize, R) -> Result<(), E>,
) -> Result<(), BatchError<E>>
where
    T: Send + Sync + 'static,
    R: Send + 'static,
    W: Fn(&T) -> R + Send + Sync + 'static,
    C: Caller,
{
    let total_threads = threads.unwrap_or_else(default_threads);
    let workers = total_threads.saturating_sub(1).min(items.len().saturating_sub(1));
    let pool = match threads {
        Some(_) if workers > 0 => Some(pool(workers).map_err(BatchError::Pool)?),
        _ => None,
    };
    let len = items.len();
    let shared = Arc::new((items, work, AtomicUsize::new(0)));
    let (tx, mut rx) = mpsc::channel::<(usize, std::thread::Result<R>)>();
    for _ in 0..workers {
        let (shared, tx) = (Arc::clone(&shared), tx.clone());
        let job = move || loop {
            let (items, work, next) = &*shared;
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= items.len() {
                break;
            }
            // A panic goes back to the caller (as with par_iter), not to rayon's handler.
            let result = catch_unwind(AssertUnwindSafe(|| work(&items[i])));
            if tx.send((i, result)).is_err() {
                break;
            }
        };
        match &pool {
            Some(p) => p.spawn(job),
            None => rayon::spawn(job),
        }
    }
    drop(tx);
    let mut pending: Vec<Option<R>> = (0..len).map(|_| None).collect();
    let mut next_out = 0;
    while next_out < len {
        if let Some(result) = pending[next_out].take() {
            emit(caller, next_out, result).map_err(BatchError::Emit)?;
            next_out += 1;
            continue;
        }
        let got = if let Ok(got) = rx.try_recv() {
            got
        } else {
            let (items, work, next) = &*shared;
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i < len {
                // Nothing to hand back yet: work on the next item here.
                let result = caller.detached(|| work(&items[i]));
                pending[i] = Some(result);
                continue;
            }
            // Every item is taken: wait for the workers. The receiver is not Sync: move it
            // into the detached closure and back.
            let (back, got) = caller.detached(move || {
                let got = rx.recv();
                (rx, got)
            });
            rx = back;
            got.map_err(|_| BatchError::WorkerStopped)?
        };
        match got {
            (i, Ok(result)) => pending[i] = Some(result),
            (_, Err(panic)) => resume_unwind(panic),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the work the calling thread did with its hold released.
    struct Counting(usize);

    impl Caller for Counting {
        fn detached<T: Send, F: FnOnce() -> T + Send>(&mut self, f: F) -> T {
            self.0 += 1;
            f()
        }
    }

    fn collect(items: Vec<u64>, threads: Option<usize>) -> (Vec<(usize, u64)>, usize) {
        let mut caller = Counting(0);
        let mut out = Vec::new();
        let done = run(
            items,
            threads,
            |x: &u64| x * x,
            &mut caller,
            |_, i, r| {
                out.push((i, r));
                Ok::<(), ()>(())
            },
        );
        assert!(done.is_ok());
        (out, caller.0)
    }

    #[test]
    fn results_come_back_in_input_order_whatever_the_threads() {
        let items: Vec<u64> = (0..500).collect();
        let want: Vec<(usize, u64)> = items.iter().map(|&x| (x as usize, x * x)).collect();
        for threads in [None, Some(1), Some(2), Some(7)] {
            assert_eq!(collect(items.clone(), threads).0, want, "{threads:?}");
        }
        assert_eq!(collect(Vec::new(), Some(3)).0, Vec::new());
    }

    #[test]
    fn one_thread_is_the_calling_thread_alone() {
        // Every item is worked on by the caller, with its hold released each time.
        let (out, detached) = collect((0..40).collect(), Some(1));
        assert_eq!(out.len(), 40);
        assert_eq!(detached, 40);
    }

    #[test]
    fn a_failing_emit_stops_the_batch() {
        let mut seen = 0;
        let r = run(
            (0..100u64).collect(),
            Some(3),
            |x: &u64| *x,
            &mut Plain,
            |_, i, _| {
                seen += 1;
                if i == 10 {
                    Err("stop")
                } else {
                    Ok(())
                }
            },
        );
        assert!(matches!(r, Err(BatchError::Emit("stop"))));
        assert_eq!(seen, 11);
    }

    #[test]
    fn a_batch_of_documents_parses_as_one_by_one() {
        let texts = [
            "某局2021年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息120条。",
            "",
            "某县2019年政府信息公开工作年度报告\n本年新收政府信息公开申请数量 5",
        ];
        let items: Vec<Item<Vec<u8>>> = texts
            .iter()
            .map(|t| Item::Bytes { data: t.as_bytes().to_vec(), content_type: None, url: Some("u".into()) })
            .chain([Item::Path { path: "/nonexistent/gongkai".into(), url: None }])
            .collect();
        let base = Options::default();
        let want: Vec<Result<Report, CoreError>> = items.iter().map(|i| i.parse(&base)).collect();
        assert_eq!(want[1], Err(CoreError::Empty));
        assert!(matches!(&want[3], Err(CoreError::Io { not_found: true, .. })));
        assert_eq!(want[0].as_ref().map(|r| r.source.url.as_deref()), Ok(Some("u")));
        let mut got = Vec::new();
        let done = run(
            items,
            Some(2),
            move |i: &Item<Vec<u8>>| i.parse(&base),
            &mut Plain,
            |_, _, r| {
                got.push(r);
                Ok::<(), ()>(())
            },
        );
        assert!(done.is_ok());
        assert_eq!(got, want);
    }
}
