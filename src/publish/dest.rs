//! Where a published tree goes: any `object_store` (the local file system
//! here; S3, GCS and Azure are features of the same crate), written in the
//! one order that keeps a reader safe.
//!
//! A publish is a list of files in two parts ([`Files`]): `first`, the
//! files a pointer will name (content-addressed, or standing alone), put
//! in any order; then `last`, the pointers (the badge manifest, a log's
//! checkpoint), put in order only after every `first` file is whole. A
//! process killed in between leaves the previous pointers naming the
//! previous files, all still there. Every put is whole or absent: the
//! local store writes a staging file, fsyncs it and renames it into place
//! (S3 and the like make an object visible only when its upload completes).

use std::sync::Arc;

use futures_util::stream::{self, StreamExt, TryStreamExt};
use object_store::local::LocalFileSystem;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

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

/// A failure of the destination.
#[derive(Debug, thiserror::Error)]
#[error("the publish destination: {0}")]
pub struct DestError(#[from] object_store::Error);

/// A published tree's destination.
#[derive(Clone)]
pub struct Destination {
    store: Arc<dyn ObjectStore>,
    name: String,
}

impl std::fmt::Debug for Destination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

impl Destination {
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
        })
    }

    /// Any object store (a bucket, with its credentials already set).
    pub fn of(store: Arc<dyn ObjectStore>, name: impl Into<String>) -> Destination {
        Destination {
            store,
            name: name.into(),
        }
    }

    /// A file's bytes, or `None` when there is no such file.
    pub async fn get(&self, path: &str) -> Result<Option<Vec<u8>>, DestError> {
        match self.store.get(&StorePath::from(path)).await {
            Ok(found) => Ok(Some(found.bytes().await?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
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
        self.store
            .put(&StorePath::from(path.as_str()), PutPayload::from(bytes))
            .await?;
        Ok(())
    }

    /// Removes the files directly under `dir` whose paths `keep` refuses;
    /// returns how many.
    pub async fn sweep(&self, dir: &str, keep: impl Fn(&str) -> bool) -> Result<usize, DestError> {
        let listed = self
            .store
            .list_with_delimiter(Some(&StorePath::from(dir)))
            .await?;
        let mut removed = 0;
        for object in listed.objects {
            if !keep(object.location.as_ref()) {
                match self.store.delete(&object.location).await {
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => removed += 1,
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok(removed)
    }
}
