//! `mentorsim`: run mentoring-programme scenarios from the command line.
//!
//! The command line is native only (it reads files and uses clap). Cargo still
//! builds every binary of the package when the tests are compiled for wasm32,
//! so there the binary is an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod parallel;
#[cfg(not(target_arch = "wasm32"))]
mod plan_text;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
