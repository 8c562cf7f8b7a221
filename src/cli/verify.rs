//! `bizseal verify`: a token or a badge bundle checked offline against
//! published keys and revocations.

use super::*;

pub(super) fn verify(
    config: Config,
    token_text: &str,
    jwks: Option<&str>,
    revocations: Option<&str>,
    number: Option<&str>,
    region: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let region = region.map(Region::parse).transpose()?;
    let number = number.map(|n| PhoneNumber::parse(n, region)).transpose()?;
    let (mut reason, claims, mut revocation_checked) = match jwks {
        Some(source) => {
            let keys = VerifyingKeys::from_jwks(&load_jwks(source)?)?;
            let v = token::verify(
                token_text,
                &keys,
                now(),
                number.as_ref().map(PhoneNumber::as_str),
            );
            (v.reason, v.raw_claims, false)
        }
        None => {
            let service = Service::open_for_command(config)?;
            let v = service.verify_token(token_text, number.as_ref())?;
            (v.reason, v.claims, true)
        }
    };
    let mut revoked_because = None;
    if let Some(claims) = &claims {
        let claims: serde_json::Value = serde_json::from_str(claims.get())?;
        println!("{}", serde_json::to_string_pretty(&claims)?);
        if let Some(source) = revocations {
            let entries = load_revocations(source)?;
            revocation_checked = true;
            // A revocation outranks a number mismatch, as on the server.
            let listed = entries.iter().find(|r| r["serial"] == claims["jti"]);
            if let Some(r) = listed
                .filter(|_| matches!(reason, token::Reason::Ok | token::Reason::NumberMismatch))
            {
                reason = token::Reason::Revoked;
                revoked_because = r["reason"].as_str().map(str::to_owned);
            }
        }
    }
    match revoked_because {
        Some(why) => println!("verdict: {} ({why})", reason.as_str()),
        None => println!("verdict: {}", reason.as_str()),
    }
    if !revocation_checked {
        println!("note: checked offline against the JWKS; revocations were not consulted");
    }
    Ok(if reason == token::Reason::Ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

pub(super) fn verify_bundle(
    config: Config,
    source: &str,
    jwks: Option<&str>,
    number: Option<&str>,
    region: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let region = region.map(Region::parse).transpose()?;
    let number = number.map(|n| PhoneNumber::parse(n, region)).transpose()?;
    let keys = match jwks {
        Some(source) => VerifyingKeys::from_jwks(&load_jwks(source)?)?,
        None => Service::open_for_command(config)?
            .keyring()
            .verifying()
            .clone(),
    };
    log::verify_bundle(source, &keys, number.as_ref().map(PhoneNumber::as_str))
}

/// Largest JWKS we read; a real one is a few hundred bytes a key.
pub(super) const MAX_JWKS_BYTES: u64 = 1024 * 1024;

/// Every revocation of a list: a file holding one `/v1/revocations`
/// answer, or the URL of that endpoint, whose pages are followed.
pub(super) fn load_revocations(source: &str) -> anyhow::Result<Vec<serde_json::Value>> {
    let is_url = source.starts_with("http://") || source.starts_with("https://");
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page_source = match (&after, is_url) {
            (Some(a), true) => {
                let sep = if source.contains('?') { '&' } else { '?' };
                format!("{source}{sep}after={a}")
            }
            _ => source.to_owned(),
        };
        let page = load_json(&page_source, MAX_REVOCATIONS_BYTES)?;
        let entries = page["revocations"]
            .as_array()
            .context("the revocation list has no \"revocations\" array")?;
        all.extend(entries.iter().cloned());
        match page["next"].as_str() {
            Some(next) if is_url && after.as_deref() != Some(next) => after = Some(next.to_owned()),
            _ => return Ok(all),
        }
    }
}

/// Largest revocation list we read.
pub(super) const MAX_REVOCATIONS_BYTES: u64 = 64 * 1024 * 1024;

pub(super) fn load_jwks(source: &str) -> anyhow::Result<serde_json::Value> {
    let value = load_json(source, MAX_JWKS_BYTES)?;
    if value.get("keys").is_none() {
        bail!("the JWKS has no \"keys\"");
    }
    Ok(value)
}

/// A JSON document from a file or an http(s) URL, at most `limit` bytes.
pub(super) fn load_json(source: &str, limit: u64) -> anyhow::Result<serde_json::Value> {
    let bytes = if source.starts_with("http://") || source.starts_with("https://") {
        super::http::Http::new(std::time::Duration::from_secs(10)).need(source, limit)?
    } else {
        std::fs::read(source).with_context(|| format!("cannot read {source}"))?
    };
    serde_json::from_slice(&bytes).with_context(|| format!("{source} is not JSON"))
}
