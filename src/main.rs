use std::process::ExitCode;

fn main() -> ExitCode {
    bizseal::cli::main()
}
