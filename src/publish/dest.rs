//! Where a published tree goes: any `object_store` (a local directory or
//! an S3 bucket here; GCS and Azure are features of the same crate),
//! written in the one order that keeps a reader safe.
//!
//! A publish is a list of files in two parts ([`Files`]): `first`, the
//! files a pointer will name (content-addressed, or standing alone), put
//! in any order; then `last`, the pointers (the badge manifest, a log's
//! checkpoint), put in order only after every `first` file is whole. A
//! process killed in between leaves the previous pointers naming the
//! previous files, all still there. Every put is whole or absent: the
//! local store writes a staging file, fsyncs it and renames it into place
//! (S3 and the like make an object visible only when its upload completes).
//!
//! On S3 ([`Destination::open`] with `s3://bucket/prefix`) the order is
//! the same: each put is one `PUT`, visible whole once it returns, and a
//! `last` file is put only after every `first` one has returned. Nothing
//! here needs a conditional put: a publish reads the destination's state
//! first and overwrites the pointers, so two publishers at once to one
//! destination are not supported (on either backend). Sweeping lists a
//! directory (S3's paged `ListObjectsV2` with a delimiter) and removes in
//! batches (`DeleteObjects`, a thousand keys a request).

use std::sync::Arc;

use futures_util::stream::{self, StreamExt, TryStreamExt};
use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
use object_store::local::LocalFileSystem;
use object_store::path::Path as StorePath;
use object_store::prefix::PrefixStore;
use object_store::{
    Attribute, Attributes, ClientConfigKey, ObjectStore, ObjectStoreExt, PutOptions, PutPayload,
};

/// Puts at once: enough to hide one file's fsync behind the others'.
const CONCURRENT_PUTS: usize = 32;

/// Files to publish, as (path under the root, bytes).
#[derive(Debug, Default)]
pub struct Files {
    /// Put first, in any order.
    pub first: Vec<(String, Vec<u8>)>,
    /// Put in order once every `first` file is in place.
    pub last: Vec<(String, Vec<u8>)>,
}

impl Files {
    /// Bytes in every file.
    pub fn bytes(&self) -> u64 {
        self.first
            .iter()
            .chain(&self.last)
            .map(|(_, b)| b.len() as u64)
            .sum()
    }

    /// How many files.
    pub fn len(&self) -> usize {
        self.first.len() + self.last.len()
    }

    /// Whether there is nothing to put.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty() && self.last.is_empty()
    }
}

/// A failure of the destination. Not a `source`: object_store's errors
/// say their causes in their own message, which would then be said twice.
#[derive(Debug, thiserror::Error)]
#[error("the publish destination: {error}{}", .hint.map(|h| format!(" ({h})")).unwrap_or_default())]
pub struct DestError {
    error: object_store::Error,
    hint: Option<&'static str>,
}

impl From<object_store::Error> for DestError {
    fn from(error: object_store::Error) -> Self {
        DestError { error, hint: None }
    }
}

/// What a failure to reach the instance's metadata service means when no
/// credentials were given.
const NO_CREDENTIALS: &str = "no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set, so the credentials were asked of the instance metadata service, which gave none";

/// A destination that cannot be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Local(#[from] std::io::Error),
    #[error("{0}")]
    Url(String),
    /// Not a `source`, as in [`DestError`].
    #[error("{0}")]
    Store(object_store::Error),
}

impl From<object_store::Error> for OpenError {
    fn from(e: object_store::Error) -> Self {
        OpenError::Store(e)
    }
}

/// A published tree's destination.
#[derive(Clone)]
pub struct Destination {
    store: Arc<dyn ObjectStore>,
    name: String,
    /// The metadata service's address, when the credentials come from it
    /// for want of any other (to say so when it fails).
    metadata: Option<String>,
    /// For a bucket: each object is stored with the `Content-Type` and
    /// `Cache-Control` it is to be served with ([`http_headers`], the
    /// manifest's max-age this), as a CDN in front of a bucket serves what
    /// the bucket says. `None` for a directory: its web server says them
    /// (deploy/nginx.conf), and the local store keeps no headers.
    headers: Option<u32>,
}

/// The `Content-Type` and `Cache-Control` a file of the published tree is
/// served with (deploy/nginx.conf gives a directory the same): the
/// pointers short-lived (the manifest for `manifest_max_age`), the
/// content-addressed files for ever.
pub fn http_headers(path: &str, manifest_max_age: u32) -> (&'static str, String) {
    use bizseal_client::badges::manifest;
    const CHECKPOINT: &str = "log/checkpoint";
    const IMMUTABLE: [&str; 6] = [
        "badges/snapshot/",
        "badges/delta/",
        "badges/index/",
        "badges/answers/",
        "badges/tree/",
        "log/tile/",
    ];
    let content_type = if path == CHECKPOINT {
        "text/plain; charset=utf-8"
    } else if path.ends_with(".json") {
        "application/json"
    } else if path.ends_with(".jws") {
        "application/jose"
    } else {
        "application/octet-stream"
    };
    let max_age = if path == manifest::PATH {
        manifest_max_age
    } else if path == CHECKPOINT {
        10
    } else if path == super::JWKS_PATH || path.starts_with("badges/keys/") {
        300
    } else if IMMUTABLE.iter().any(|dir| path.starts_with(dir)) {
        return (
            content_type,
            "public, max-age=31536000, immutable".to_owned(),
        );
    } else {
        60
    };
    (content_type, format!("public, max-age={max_age}"))
}

impl std::fmt::Debug for Destination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

impl Destination {
    /// `s3://bucket/prefix` (or `s3a://`) is an S3 bucket
    /// ([`Destination::s3`]); any other `scheme://` is refused; anything
    /// else is a local directory ([`Destination::local`]).
    pub fn open(to: &std::path::Path) -> Result<Destination, OpenError> {
        let Some(url) = to.to_str().filter(|s| s.contains("://")) else {
            return Ok(Destination::local(to)?);
        };
        let (scheme, rest) = url.split_once("://").unwrap_or_default();
        match scheme {
            "s3" | "s3a" => {
                let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
                Destination::s3(bucket, prefix)
            }
            _ => Err(OpenError::Url(format!(
                "{url:?} is not a directory or an s3://bucket/prefix URL (the schemes published to are s3 and s3a)"
            ))),
        }
    }

    /// A bucket of S3 or of an S3-compatible server, and a prefix in it
    /// (may be empty), configured from the environment the usual way:
    /// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN),
    /// AWS_REGION (or AWS_DEFAULT_REGION; us-east-1 when unset),
    /// AWS_ENDPOINT_URL (or AWS_ENDPOINT) for another server than AWS,
    /// AWS_ALLOW_HTTP=true for a plain-HTTP one, and the rest
    /// `object_store`'s AmazonS3Builder::from_env reads. With no keys, the
    /// credentials come from a web identity, the container's or the
    /// instance's metadata; a publish then fails (with the reason) when
    /// none answers.
    pub fn s3(bucket: &str, prefix: &str) -> Result<Destination, OpenError> {
        if bucket.is_empty() {
            return Err(OpenError::Url(
                "the S3 URL names no bucket (s3://bucket/prefix)".to_owned(),
            ));
        }
        let prefix = StorePath::parse(prefix)
            .map_err(|e| OpenError::Url(format!("the S3 prefix {prefix:?}: {e}")))?;
        // reqwest (object_store's HTTP client) is built without a TLS
        // provider of its own: ring's, as the process default. An error
        // means one is installed already, which then serves.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
        // Said here, where object_store would only answer "builder error"
        // at the first request.
        let allow_http = builder
            .get_config_value(&AmazonS3ConfigKey::Client(ClientConfigKey::AllowHttp))
            .is_some_and(|v| {
                matches!(
                    v.to_ascii_lowercase().as_str(),
                    "1" | "true" | "on" | "yes" | "y"
                )
            });
        let plain = [AmazonS3ConfigKey::Endpoint, AmazonS3ConfigKey::S3Endpoint]
            .iter()
            .filter_map(|key| builder.get_config_value(key))
            .find(|e| e.to_ascii_lowercase().starts_with("http://"));
        if let (Some(endpoint), false) = (plain, allow_http) {
            return Err(OpenError::Url(format!(
                "the S3 endpoint {endpoint} is plain HTTP: set AWS_ALLOW_HTTP=true to publish over it"
            )));
        }
        let configured = [
            AmazonS3ConfigKey::AccessKeyId,
            AmazonS3ConfigKey::WebIdentityTokenFile,
            AmazonS3ConfigKey::ContainerCredentialsRelativeUri,
            AmazonS3ConfigKey::ContainerCredentialsFullUri,
        ]
        .iter()
        .any(|key| builder.get_config_value(key).is_some());
        let metadata = (!configured).then(|| {
            builder
                .get_config_value(&AmazonS3ConfigKey::MetadataEndpoint)
                .unwrap_or_else(|| "http://169.254.169.254".to_owned())
        });
        let store = builder.build()?;
        let name = if prefix.as_ref().is_empty() {
            format!("s3://{bucket}")
        } else {
            format!("s3://{bucket}/{prefix}")
        };
        let store: Arc<dyn ObjectStore> = if prefix.as_ref().is_empty() {
            Arc::new(store)
        } else {
            Arc::new(PrefixStore::new(store, prefix))
        };
        Ok(Destination {
            store,
            name,
            metadata,
            headers: Some(super::DEFAULT_MAX_AGE_SECS),
        })
    }

    /// A directory on the local file system (made if missing); every
    /// write is fsynced before it is renamed into place.
    pub fn local(dir: &std::path::Path) -> std::io::Result<Destination> {
        std::fs::create_dir_all(dir)?;
        let store = LocalFileSystem::new_with_prefix(dir)
            .map_err(std::io::Error::other)?
            .with_fsync(true);
        Ok(Destination {
            store: Arc::new(store),
            name: dir.display().to_string(),
            metadata: None,
            headers: None,
        })
    }

    /// Any object store (a bucket, with its credentials already set).
    pub fn of(store: Arc<dyn ObjectStore>, name: impl Into<String>) -> Destination {
        Destination {
            store,
            name: name.into(),
            metadata: None,
            headers: None,
        }
    }

    /// The manifest's cache lifetime its object is stored with (a bucket's
    /// `Cache-Control`; `--publish-max-age`).
    pub fn with_manifest_max_age(mut self, seconds: u32) -> Destination {
        if self.headers.is_some() {
            self.headers = Some(seconds);
        }
        self
    }

    /// The error `error`, and what it means when it is the metadata
    /// service failing.
    fn error(&self, error: object_store::Error) -> DestError {
        let hint = self
            .metadata
            .as_deref()
            .filter(|m| error.to_string().contains(m))
            .map(|_| NO_CREDENTIALS);
        DestError { error, hint }
    }

    /// A file's bytes, or `None` when there is no such file.
    pub async fn get(&self, path: &str) -> Result<Option<Vec<u8>>, DestError> {
        let found = match self.store.get(&StorePath::from(path)).await {
            Ok(found) => found.bytes().await,
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => Err(e),
        };
        found.map(|b| Some(b.to_vec())).map_err(|e| self.error(e))
    }

    /// Puts `files`: every `first` file, then every `last` file in order.
    pub async fn write(&self, files: Files) -> Result<(), DestError> {
        stream::iter(files.first)
            .map(|(path, bytes)| self.put(path, bytes))
            .buffer_unordered(CONCURRENT_PUTS)
            .try_collect::<Vec<()>>()
            .await?;
        for (path, bytes) in files.last {
            self.put(path, bytes).await?;
        }
        Ok(())
    }

    async fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), DestError> {
        let mut options = PutOptions::default();
        if let Some(max_age) = self.headers {
            let (content_type, cache_control) = http_headers(&path, max_age);
            options.attributes = Attributes::from_iter([
                (Attribute::ContentType, content_type.to_owned()),
                (Attribute::CacheControl, cache_control),
            ]);
        }
        self.store
            .put_opts(
                &StorePath::from(path.as_str()),
                PutPayload::from(bytes),
                options,
            )
            .await
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Removes the files directly under `dir` whose paths `keep` refuses;
    /// returns how many.
    pub async fn sweep(&self, dir: &str, keep: impl Fn(&str) -> bool) -> Result<usize, DestError> {
        let listed = self
            .store
            .list_with_delimiter(Some(&StorePath::from(dir)))
            .await
            .map_err(|e| self.error(e))?;
        let doomed: Vec<_> = listed
            .objects
            .into_iter()
            .filter(|o| !keep(o.location.as_ref()))
            .map(|o| Ok(o.location))
            .collect();
        let mut removed = 0;
        let mut deleted = self.store.delete_stream(stream::iter(doomed).boxed());
        while let Some(result) = deleted.next().await {
            match result {
                Ok(_) | Err(object_store::Error::NotFound { .. }) => removed += 1,
                Err(e) => return Err(self.error(e)),
            }
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(to: &str) -> String {
        match Destination::open(std::path::Path::new(to)) {
            Ok(d) => panic!("{to} opened as {d:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn published_files_are_described_as_the_nginx_config_serves_them() {
        let nginx = include_str!("../../deploy/nginx.conf");
        let h = |path| http_headers(path, 45);
        assert_eq!(
            h("badges/manifest.jws"),
            ("application/jose", "public, max-age=45".into())
        );
        assert!(nginx.contains("location = /badges/manifest.jws"));
        for path in [
            "badges/snapshot/ab.bin",
            "badges/answers/0a-ff.json",
            "badges/tree/ab.bin",
            "log/tile/0/000",
        ] {
            assert!(h(path).1.ends_with("immutable"), "{path}");
        }
        assert!(nginx.contains("^/badges/(snapshot|delta|index|answers|tree)/"));
        assert_eq!(h("log/checkpoint").1, "public, max-age=10");
        assert!(nginx.contains("public, max-age=10"));
        assert_eq!(h(".well-known/jwks.json").1, "public, max-age=300");
        assert_eq!(h("badges/keys/k.jws").1, "public, max-age=300");
        assert_eq!(h("something/else").1, "public, max-age=60");
    }

    #[test]
    fn a_destination_is_a_directory_or_an_s3_url() {
        let dir = tempfile::tempdir().unwrap();
        let local = Destination::open(&dir.path().join("tree")).unwrap();
        assert_eq!(
            format!("{local:?}"),
            dir.path().join("tree").display().to_string()
        );
        assert!(dir.path().join("tree").is_dir());

        let s3 = Destination::open(std::path::Path::new("s3://bucket/pre/fix/")).unwrap();
        assert_eq!(format!("{s3:?}"), "s3://bucket/pre/fix");
        let s3 = Destination::open(std::path::Path::new("s3a://bucket")).unwrap();
        assert_eq!(format!("{s3:?}"), "s3://bucket");

        assert!(refused("gs://bucket/x").contains("s3://bucket/prefix"));
        assert!(refused("https://example.com/tree").contains("not a directory"));
        assert!(refused("s3://").contains("no bucket"));
        assert!(refused("s3:///prefix").contains("no bucket"));
        assert!(refused("s3://bucket/a//b").contains("prefix"));
        assert!(refused("s3://bucket/a/../b").contains("prefix"));
    }
}
