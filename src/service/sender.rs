//! Delivering one-time codes: to the log and an operator outbox, or to a
//! webhook that an SMS or voice gateway serves.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;

use crate::config::SenderConfig;

/// The outbox keeps the most recent codes only; they expire in minutes.
const OUTBOX_LEN: usize = 1000;
const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(10);

/// A code to deliver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct OutgoingCode {
    pub number: String,
    pub code: String,
    /// The business's default language, so the gateway can word the message.
    pub locale: String,
    /// When it was sent (not part of the webhook body).
    #[serde(skip)]
    pub at: i64,
}

/// Why a code could not be handed over.
#[derive(Debug, thiserror::Error)]
#[error("the code sender failed: {0}")]
pub struct SendError(pub String);

/// The configured sender.
pub struct Sender {
    config: SenderConfig,
    outbox: Mutex<VecDeque<OutgoingCode>>,
}

impl Sender {
    /// A sender for the configuration.
    pub fn new(config: SenderConfig) -> Sender {
        Sender {
            config,
            outbox: Mutex::new(VecDeque::new()),
        }
    }

    /// Hands a code over. Blocking (the webhook is a network call).
    pub fn send(&self, code: &OutgoingCode) -> Result<(), SendError> {
        match &self.config {
            SenderConfig::Log => {
                // The code itself is a secret: it is kept for the reviewer
                // outbox, never written to the log.
                let tail = code.number.get(code.number.len().saturating_sub(3)..);
                tracing::info!(
                    number_ends = tail.unwrap_or(""),
                    "one-time code queued in the outbox (log sender)"
                );
                let mut outbox = self.outbox.lock().unwrap_or_else(|p| p.into_inner());
                if outbox.len() == OUTBOX_LEN {
                    outbox.pop_front();
                }
                outbox.push_back(code.clone());
                Ok(())
            }
            SenderConfig::Webhook { url } => {
                let agent = ureq::Agent::new_with_config(
                    ureq::Agent::config_builder()
                        .timeout_global(Some(WEBHOOK_TIMEOUT))
                        .max_redirects(0)
                        .build(),
                );
                agent
                    .post(url)
                    .send_json(code)
                    .map(|_| ())
                    .map_err(|e| SendError(e.to_string()))
            }
        }
    }

    /// Whether this sender keeps an outbox (the log sender does).
    pub fn keeps_outbox(&self) -> bool {
        matches!(self.config, SenderConfig::Log)
    }

    /// The log sender's recent codes, newest last (empty for a webhook).
    pub fn outbox(&self) -> Vec<OutgoingCode> {
        let outbox = self.outbox.lock().unwrap_or_else(|p| p.into_inner());
        outbox.iter().cloned().collect()
    }
}
