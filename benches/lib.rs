//! Nothing: this package exists for its benchmarks (see Cargo.toml).
