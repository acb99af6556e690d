#!/usr/bin/env bash
# The whole test suite: Rust format, lints and tests, then a development build of
# the Python package, ruff, mypy (strict) and pytest. Makes (and reuses) ./.venv when no virtualenv is active.
# Everything runs on the dev profile (Cargo.toml: dependencies optimised, the crate
# at opt-level 1), which `cargo test` has built already; release builds (fat LTO,
# minutes cold) are for bench/ only. No test asserts time.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${VIRTUAL_ENV:-}" ]; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  # shellcheck disable=SC1091
  . .venv/bin/activate
fi
python -m pip install --quiet --upgrade pip
python -m pip install --quiet "maturin>=1.9.4,<2" -r tests/requirements.txt

cargo fmt --all -- --check
cargo clippy --all-targets --all-features -- -D warnings
cargo test --quiet
maturin develop --quiet
python -m mypy.stubtest gongkai._core
python -m ruff check python/gongkai
python -m mypy python/gongkai
python -m pytest tests --durations=8
