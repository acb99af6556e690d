//! The files the speed examples (`parse_corpus`, `stages`) read: every `.txt`,
//! `.html` and `.htm` under the given folders, recursively, sorted.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "html" | "htm")) {
            out.push(path);
        }
    }
}

/// The documents under `dirs` (a path that is no folder is taken as a file), read.
pub(crate) fn documents(dirs: &[PathBuf]) -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    for dir in dirs {
        walk(dir, &mut files);
    }
    files.sort();
    files.iter().map(|p| std::fs::read(p).expect("readable")).collect()
}
