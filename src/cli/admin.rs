//! Operator decisions from the command line: signing keys, and a
//! reviewer's release or unlock of a number.

use super::*;

pub(super) fn keys(config: Config, action: KeysAction) -> anyhow::Result<ExitCode> {
    let service = Service::open_for_command(config)?;
    if let KeysAction::Rotate = action {
        let kid = service.rotate_key()?;
        println!("new active key {kid}");
    }
    let keyring = service.keyring();
    let retention = service.config().key_retention();
    let at = now();
    println!("{:<45} {:<8} {:<12} published", "kid", "state", "created");
    for k in keyring.published() {
        let state = if k.kid == keyring.active_kid() {
            "active"
        } else {
            "retired"
        };
        let published = k.retired_at.is_none_or(|r| at < r + retention);
        println!(
            "{:<45} {:<8} {:<12} {}",
            k.kid,
            state,
            k.created_at,
            if published { "yes" } else { "no" }
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn number_decision(
    config: Config,
    action: NumberAction,
    server: &str,
    token: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let (verb, number, business, region, body) = match &action {
        NumberAction::Release {
            number,
            reason,
            business,
            region,
        } => (
            "release",
            number,
            business,
            region,
            serde_json::json!({ "reason": reason, "business": business }),
        ),
        NumberAction::Unlock {
            number,
            business,
            region,
        } => (
            "unlock",
            number,
            business,
            region,
            serde_json::json!({ "business": business }),
        ),
    };
    let business = business
        .as_deref()
        .map(BusinessId::parse)
        .transpose()
        .context("--business")?;
    let service = match Service::open_for_command(config) {
        Ok(service) => service,
        Err(ServiceError::Store(StoreError::InUse(dir))) => {
            let Some(token) = token else {
                bail!(
                    "the data dir {} is in use by a running bizseal; give --token (a reviewer token) to decide through its API",
                    dir.display()
                );
            };
            let region = region.as_deref().map(Region::parse).transpose()?;
            let e164 = PhoneNumber::parse(number, region)?;
            let url = format!(
                "{}/v1/review/numbers/{}/{verb}",
                server.trim_end_matches('/'),
                e164.as_str()
            );
            let answer: serde_json::Value = ureq::post(&url)
                .header("Authorization", &format!("Bearer {token}"))
                .send_json(&body)
                .with_context(|| format!("{verb} through {url} failed"))?
                .body_mut()
                .read_json()?;
            println!("{answer}");
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(e.into()),
    };
    let region = region.as_deref().map(Region::parse).transpose()?;
    let e164 = service.number_or_listed(number, region)?;
    match &action {
        NumberAction::Release { reason, .. } => {
            service.release_number(&e164, business.as_ref(), "operator (cli)", reason)?;
            println!("released {}", e164.as_str());
        }
        NumberAction::Unlock { .. } => {
            let n = service.unlock_number(&e164, business.as_ref(), "operator (cli)")?;
            println!("unlocked {} ({n} claims)", e164.as_str());
        }
    }
    Ok(ExitCode::SUCCESS)
}
