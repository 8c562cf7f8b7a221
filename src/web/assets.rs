//! The static files the pages load: the stylesheet and the icon. The pages
//! need no script: every page is rendered on the server and every action
//! is a form. All are compiled into the binary
//! (`include_str!`), so a bizseal binary needs no asset folder and no CDN.
//!
//! Each file is served under a name that carries a hash of its bytes
//! (`/static/app.3f9c2a1b.css`), so it can be cached for a year
//! (`immutable`): a new build changes the name, never the bytes behind a
//! name. A request for a stale hash is a 404, not old bytes.

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// One year, the longest lifetime RFC 9111 caches are asked to honour in
/// practice; `immutable` tells browsers not to revalidate on reload.
const CACHE_FOREVER: &str = "public, max-age=31536000, immutable";

/// Files as written in `src/web/static/`: name, content type, bytes.
const FILES: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("static/app.css"),
    ),
    ("icon.svg", "image/svg+xml", include_str!("static/icon.svg")),
];

struct Asset {
    /// The name pages ask for (`app.css`).
    name: String,
    /// The name it is served under (`app.3f9c2a1b.css`).
    hashed: String,
    content_type: &'static str,
    body: String,
    etag: HeaderValue,
}

/// The static files with their hashed names, built once at start-up.
pub struct Assets {
    files: Vec<Asset>,
}

impl Assets {
    /// Hashes every file.
    pub fn new() -> Assets {
        let files = FILES
            .iter()
            .map(|(name, ct, body)| Asset::new(name, ct, (*body).to_owned()))
            .collect();
        Assets { files }
    }

    /// The URL of a file by its plain name. A name that is not an asset is
    /// a programming error caught by the page tests; it yields a dead link
    /// rather than a panic.
    pub fn url(&self, name: &str) -> String {
        match self.files.iter().find(|a| a.name == name) {
            Some(a) => format!("/static/{}", a.hashed),
            None => {
                tracing::error!(name, "no such asset");
                format!("/static/{name}")
            }
        }
    }

    /// Serves `/static/{file}` by its hashed name, with `ETag` and 304.
    pub fn serve(&self, file: &str, headers: &HeaderMap) -> Response {
        let Some(asset) = self.files.iter().find(|a| a.hashed == file) else {
            return (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "no such file\n",
            )
                .into_response();
        };
        let fresh = headers
            .get(header::IF_NONE_MATCH)
            .is_some_and(|v| v.as_bytes() == asset.etag.as_bytes() || v.as_bytes() == b"*");
        let mut response = if fresh {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            (
                [(header::CONTENT_TYPE, asset.content_type)],
                asset.body.clone(),
            )
                .into_response()
        };
        let h = response.headers_mut();
        h.insert(header::ETAG, asset.etag.clone());
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(CACHE_FOREVER),
        );
        response
    }
}

impl Default for Assets {
    fn default() -> Self {
        Assets::new()
    }
}

impl Asset {
    fn new(name: &str, content_type: &'static str, body: String) -> Asset {
        let digest = ring::digest::digest(&ring::digest::SHA256, body.as_bytes());
        // 8 bytes = 16 hex digits: collisions between two builds of one
        // file are not a concern at this size.
        let hash = crate::service::hex(&digest.as_ref()[..8]);
        let hashed = match name.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
            None => format!("{name}.{hash}"),
        };
        let etag = HeaderValue::from_str(&format!("\"{hash}\""))
            .unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
        Asset {
            name: name.to_owned(),
            hashed,
            content_type,
            body,
            etag,
        }
    }
}

/// `GET /static/{file}`.
pub async fn serve(
    axum::Extension(assets): axum::Extension<std::sync::Arc<Assets>>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    assets.serve(&file, &headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_change_with_the_bytes() {
        let a = Asset::new("app.css", "text/css", "a{}".into());
        let b = Asset::new("app.css", "text/css", "b{}".into());
        assert!(a.hashed.starts_with("app.") && a.hashed.ends_with(".css"));
        assert_ne!(a.hashed, b.hashed);
        assert_eq!(a.hashed.len(), "app..css".len() + 16);
    }

    #[test]
    fn every_file_is_served_by_its_hashed_name_only() {
        let assets = Assets::new();
        let url = assets.url("app.css");
        let file = url.strip_prefix("/static/").unwrap();
        let ok = assets.serve(file, &HeaderMap::new());
        assert_eq!(ok.status(), StatusCode::OK);
        assert_eq!(ok.headers()[header::CACHE_CONTROL], CACHE_FOREVER);
        assert_eq!(
            assets.serve("app.css", &HeaderMap::new()).status(),
            StatusCode::NOT_FOUND
        );
        let mut inm = HeaderMap::new();
        inm.insert(header::IF_NONE_MATCH, ok.headers()[header::ETAG].clone());
        assert_eq!(assets.serve(file, &inm).status(), StatusCode::NOT_MODIFIED);
    }
}
