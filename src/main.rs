//! The `reported-figures` command-line tool. See `reported_figures::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args = std::env::args_os().skip(1).collect();
    let code = reported_figures::cli::run(
        args,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(code);
}

/// The tool is native only; this keeps `wasm-pack test`, which builds every target, compiling.
#[cfg(target_arch = "wasm32")]
fn main() {}
