use std::process::ExitCode;

/// mimalloc rather than glibc's malloc: under a lookup load glibc's
/// allocator took a large share of the server's CPU (redb's page cache
/// allocates and frees a page per miss) and its per-thread arenas let
/// resident memory climb past the page cache's bound (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    bizseal::cli::main()
}
