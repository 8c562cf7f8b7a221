//! C2SP checkpoints (<https://c2sp.org/tlog-checkpoint>): the signed head
//! of a log as a note whose text is three lines, origin, tree size and
//! base64 root hash (this log writes no extension lines and refuses
//! none).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::merkle::{self, Hash, ProofError};
use crate::note::{self, Note, NoteError, Verified, Vkey};

/// Why a checkpoint is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error(transparent)]
    Note(#[from] NoteError),
    #[error("the checkpoint text is malformed: {0}")]
    Text(&'static str),
    #[error("the checkpoint is for log {found:?}, not {expected:?}")]
    Origin { expected: String, found: String },
    #[error("no signature by the log's key verifies")]
    NotLogSigned,
    #[error("{needed} witness cosignatures are needed, {found} verified")]
    Witnesses { needed: usize, found: usize },
    #[error("the log went back from {previous} to {current} entries")]
    Rollback { previous: u64, current: u64 },
    #[error("two different roots for the tree of {0} entries: the log is forked")]
    Fork(u64),
    #[error("the consistency proof does not hold: {0}")]
    Inconsistent(ProofError),
}

/// The three lines of a checkpoint's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub root: Hash,
    /// Lines after the root, kept so the text round-trips.
    pub extensions: Vec<String>,
}

impl Checkpoint {
    /// The head of a tree of `size` entries with root `root`.
    pub fn new(origin: &str, size: u64, root: Hash) -> Checkpoint {
        Checkpoint {
            origin: origin.to_owned(),
            size,
            root,
            extensions: Vec::new(),
        }
    }

    /// The note text: origin, size, base64 root, extension lines, each
    /// ending in a newline.
    pub fn text(&self) -> String {
        let mut out = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            STANDARD.encode(self.root)
        );
        for line in &self.extensions {
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// Reads a checkpoint's text (not its signatures).
    pub fn parse_text(text: &str) -> Result<Checkpoint, CheckpointError> {
        let body = text
            .strip_suffix('\n')
            .ok_or(CheckpointError::Text("no final newline"))?;
        let mut lines = body.split('\n');
        let origin = lines.next().filter(|l| !l.is_empty());
        let origin = origin.ok_or(CheckpointError::Text("empty origin"))?;
        let size = lines.next().ok_or(CheckpointError::Text("no tree size"))?;
        // Decimal, no sign, no leading zero but for 0 itself.
        if size.is_empty()
            || !size.bytes().all(|b| b.is_ascii_digit())
            || (size.len() > 1 && size.starts_with('0'))
        {
            return Err(CheckpointError::Text("the tree size is not a decimal"));
        }
        let size = size
            .parse()
            .map_err(|_| CheckpointError::Text("the tree size is too large"))?;
        let root = lines
            .next()
            .and_then(|l| STANDARD.decode(l).ok())
            .and_then(|v| Hash::try_from(v.as_slice()).ok())
            .ok_or(CheckpointError::Text(
                "the root hash is not base64 of 32 bytes",
            ))?;
        let extensions: Vec<String> = lines.map(str::to_owned).collect();
        if extensions.iter().any(String::is_empty) {
            return Err(CheckpointError::Text("an empty extension line"));
        }
        Ok(Checkpoint {
            origin: origin.to_owned(),
            size,
            root,
            extensions,
        })
    }
}

/// The tree size a signed checkpoint states, its signatures unchecked:
/// what a publisher reads back from the checkpoint it wrote last time, to
/// know where to publish from.
pub fn size_of(signed: &[u8]) -> Result<u64, CheckpointError> {
    let note = Note::parse(signed)?;
    Ok(Checkpoint::parse_text(&note.text)?.size)
}

/// A checkpoint whose signatures were checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub checkpoint: Checkpoint,
    pub note: Note,
    /// Every trusted signature that verified, the log's and witnesses'.
    pub verified: Vec<Verified>,
}

impl Opened {
    /// The witnesses (cosignature keys) that cosigned it.
    pub fn witnesses(&self) -> impl Iterator<Item = &Verified> {
        self.verified
            .iter()
            .filter(|v| v.key.kind() == note::COSIGNATURE_V1)
    }
}

/// Opens a signed checkpoint: a signature by one of `log_keys` must
/// verify (and no trusted signature may fail), its origin must be
/// `origin`, and at least `quorum` of `witnesses` must have cosigned it.
pub fn open(
    bytes: &[u8],
    origin: &str,
    log_keys: &[Vkey],
    witnesses: &[Vkey],
    quorum: usize,
) -> Result<Opened, CheckpointError> {
    let note = Note::parse(bytes)?;
    let trusted: Vec<Vkey> = log_keys.iter().chain(witnesses).cloned().collect();
    let verified = note.verify(&trusted)?;
    if !verified.iter().any(|v| log_keys.contains(&v.key)) {
        return Err(CheckpointError::NotLogSigned);
    }
    let checkpoint = Checkpoint::parse_text(&note.text)?;
    if checkpoint.origin != origin {
        return Err(CheckpointError::Origin {
            expected: origin.to_owned(),
            found: checkpoint.origin,
        });
    }
    let found = verified
        .iter()
        .filter(|v| witnesses.contains(&v.key))
        .count();
    if found < quorum {
        return Err(CheckpointError::Witnesses {
            needed: quorum,
            found,
        });
    }
    Ok(Opened {
        checkpoint,
        note,
        verified,
    })
}

/// Checks that `current` extends `previous` (both already opened):
/// never smaller, the same root at the same size, and a consistency proof
/// (computed by the caller, e.g. with [`crate::tiles::consistency_proof`],
/// over the tree of `current`) that holds between the two roots.
pub fn check_extends(
    previous: &Checkpoint,
    current: &Checkpoint,
    proof: &[Hash],
) -> Result<(), CheckpointError> {
    if current.size < previous.size {
        return Err(CheckpointError::Rollback {
            previous: previous.size,
            current: current.size,
        });
    }
    if current.size == previous.size {
        return if current.root == previous.root {
            Ok(())
        } else {
            Err(CheckpointError::Fork(current.size))
        };
    }
    if previous.size == 0 {
        // The empty tree is a prefix of every tree; its root is fixed.
        return if previous.root == merkle::empty_root() {
            Ok(())
        } else {
            Err(CheckpointError::Fork(0))
        };
    }
    merkle::verify_consistency(
        previous.size,
        current.size,
        &previous.root,
        &current.root,
        proof,
    )
    .map_err(CheckpointError::Inconsistent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::{cosign, sign, COSIGNATURE_V1, ED25519};
    use ed25519_dalek::{Signer, SigningKey};

    fn signed(origin: &str, size: u64, root: Hash, sk: &SigningKey, key: &Vkey) -> Vec<u8> {
        let text = Checkpoint::new(origin, size, root).text();
        let sig = sign(key, &text, |m| sk.sign(m).to_bytes().to_vec());
        Note {
            text,
            signatures: vec![sig],
        }
        .to_bytes()
    }

    #[test]
    fn texts_round_trip_and_malformed_ones_are_refused() {
        let cp = Checkpoint::new("example.com/log", 20852163, [7; 32]);
        assert_eq!(
            cp.text(),
            "example.com/log\n20852163\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n"
        );
        assert_eq!(Checkpoint::parse_text(&cp.text()), Ok(cp.clone()));
        let mut ext = cp.clone();
        ext.extensions.push("x".into());
        assert_eq!(Checkpoint::parse_text(&ext.text()), Ok(ext));
        let root = STANDARD.encode([7u8; 32]);
        for bad in [
            format!("o\n01\n{root}\n"),
            format!("o\n-1\n{root}\n"),
            format!("o\n1\n{root}"),
            format!("\n1\n{root}\n"),
            "o\n1\nAAAA\n".to_owned(),
            format!("o\n1\n{root}\n\n"),
            format!("o\n99999999999999999999999\n{root}\n"),
        ] {
            assert!(Checkpoint::parse_text(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn opening_needs_the_log_key_the_origin_and_the_quorum() {
        let sk = SigningKey::from_bytes(&[1; 32]);
        let log = Vkey::new("example.com/log", ED25519, sk.verifying_key().to_bytes()).unwrap();
        let bytes = signed("example.com/log", 3, [2; 32], &sk, &log);
        let opened = open(
            &bytes,
            "example.com/log",
            std::slice::from_ref(&log),
            &[],
            0,
        )
        .unwrap();
        assert_eq!(opened.checkpoint.size, 3);
        assert!(matches!(
            open(
                &bytes,
                "example.com/other",
                std::slice::from_ref(&log),
                &[],
                0
            ),
            Err(CheckpointError::Origin { .. })
        ));
        let stranger = Vkey::new("example.com/log", ED25519, [5; 32]).unwrap();
        assert_eq!(
            open(&bytes, "example.com/log", &[stranger], &[], 0),
            Err(CheckpointError::Note(NoteError::Unverified))
        );

        // A witness's cosignature counts toward the quorum; a witness
        // alone does not make a checkpoint the log's.
        let wsk = SigningKey::from_bytes(&[4; 32]);
        let w = Vkey::new(
            "witness.example",
            COSIGNATURE_V1,
            wsk.verifying_key().to_bytes(),
        )
        .unwrap();
        assert_eq!(
            open(
                &bytes,
                "example.com/log",
                std::slice::from_ref(&log),
                std::slice::from_ref(&w),
                1
            ),
            Err(CheckpointError::Witnesses {
                needed: 1,
                found: 0
            })
        );
        let mut note = Note::parse(&bytes).unwrap();
        let text = note.text.clone();
        note.signatures
            .push(cosign(&w, &text, 17, |m| wsk.sign(m).to_bytes().to_vec()));
        let cosigned = note.to_bytes();
        let opened = open(
            &cosigned,
            "example.com/log",
            std::slice::from_ref(&log),
            std::slice::from_ref(&w),
            1,
        )
        .unwrap();
        assert_eq!(opened.witnesses().count(), 1);
        // One witness's line copied twice is still one witness.
        let mut copied = note.clone();
        copied.signatures.push(note.signatures[1].clone());
        assert_eq!(
            open(
                &copied.to_bytes(),
                "example.com/log",
                std::slice::from_ref(&log),
                std::slice::from_ref(&w),
                2,
            ),
            Err(CheckpointError::Witnesses {
                needed: 2,
                found: 1
            })
        );
        let only_witness = Note {
            text,
            signatures: vec![note.signatures[1].clone()],
        };
        assert_eq!(
            open(&only_witness.to_bytes(), "example.com/log", &[log], &[w], 1),
            Err(CheckpointError::NotLogSigned)
        );
    }

    #[test]
    fn extension_needs_growth_the_same_root_or_a_proof() {
        let mut tree = merkle::MemoryTree::new();
        for i in 0..10u8 {
            tree.push(&[i]);
        }
        let at = |n| Checkpoint::new("o", n, tree.root_at(n));
        let proof = tree.consistency_proof(4, 10).unwrap();
        assert_eq!(check_extends(&at(4), &at(10), &proof), Ok(()));
        assert_eq!(check_extends(&at(10), &at(10), &[]), Ok(()));
        assert_eq!(check_extends(&at(0), &at(10), &[]), Ok(()));
        assert_eq!(
            check_extends(&at(10), &at(4), &[]),
            Err(CheckpointError::Rollback {
                previous: 10,
                current: 4
            })
        );
        // A fork: another tree of 10 entries sharing the first 4.
        let mut other = merkle::MemoryTree::new();
        for i in 0..10u8 {
            other.push(&[if i < 4 { i } else { 99 }]);
        }
        let forked = Checkpoint::new("o", 10, other.root());
        assert_eq!(
            check_extends(&at(10), &forked, &[]),
            Err(CheckpointError::Fork(10))
        );
        let mut forked_later = merkle::MemoryTree::new();
        for i in 0..12u8 {
            forked_later.push(&[if i < 6 { i } else { 50 }]);
        }
        let twelve = Checkpoint::new("o", 12, forked_later.root());
        let proof = forked_later.consistency_proof(10, 12).unwrap();
        assert!(matches!(
            check_extends(&at(10), &twelve, &proof),
            Err(CheckpointError::Inconsistent(_))
        ));
    }
}
