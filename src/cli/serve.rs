//! `bizseal serve`: the server, its operator token check and its graceful
//! stop.

use super::*;

/// The fewest characters an operator's reviewer token may have outside
/// `--demo`: 32 hex digits are 128 bits (`openssl rand -hex 16`).
pub(super) const MIN_OPERATOR_TOKEN: usize = 32;

/// Refuses an operator token that could be guessed: too short, or too few
/// distinct characters to hold 128 bits (`rev`, `aaaa…`, `12341234…`).
pub(super) fn check_operator_token(token: Option<&str>, demo: bool) -> anyhow::Result<()> {
    let Some(token) = token.filter(|_| !demo) else {
        return Ok(());
    };
    let distinct = token
        .chars()
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    if token.chars().count() < MIN_OPERATOR_TOKEN || distinct < 10 {
        bail!(
            "BIZSEAL_REVIEWER_TOKEN is too weak: use at least {MIN_OPERATOR_TOKEN} random characters \
             (openssl rand -hex 16), or named reviewer tokens (bizseal reviewer create NAME); \
             --demo accepts any"
        );
    }
    Ok(())
}

pub(super) fn serve(
    config: Config,
    addr: &str,
    demo: bool,
    publishing: Option<(PathBuf, crate::publish::Settings)>,
) -> anyhow::Result<ExitCode> {
    check_operator_token(config.reviewer_token.as_deref(), demo)?;
    let publishing = publishing
        .map(|(to, settings)| {
            crate::publish::dest::Destination::open(&to)
                .map(|dest| (dest.with_manifest_max_age(settings.max_age), settings))
                .with_context(|| format!("cannot publish to {}", to.display()))
        })
        .transpose()?;
    let service = Arc::new(Service::open(config)?);
    if demo {
        match service.load_demo()? {
            Some(r) => tracing::info!(
                created = r.created,
                failed = r.failed.len(),
                "loaded the demo data"
            ),
            None => tracing::info!("demo data already loaded"),
        }
    }
    // The indexer catches up (or builds the index) in the background;
    // searches answer from what it has committed meanwhile.
    service.start_search()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        tracing::info!(addr = %listener.local_addr()?, "bizseal is listening");
        // The publisher stops with the server: its loop ends when this
        // sender is dropped.
        let (_stop_publishing, stopped) = tokio::sync::oneshot::channel::<()>();
        if let Some((dest, settings)) = publishing {
            tokio::spawn(crate::publish::every(Arc::clone(&service), dest, settings, async {
                let _ = stopped.await;
            }));
        }
        crate::api::serve(listener, Arc::clone(&service), shutdown_signal()).await?;
        // A write after this save makes the copy stale, which the next
        // start sees (see `store::known`): saving early is safe.
        match service.save_known_numbers() {
            Ok(Some(saved)) => tracing::info!(bytes = saved.bytes, "saved the filter of known numbers"),
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "cannot save the filter of known numbers; the next start reads the tables"),
        }
        tracing::info!("stopped");
        Ok(ExitCode::SUCCESS)
    })
}

/// Resolves on Ctrl-C or SIGTERM: the server then drains its requests.
pub(super) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: draining in-flight requests");
}
