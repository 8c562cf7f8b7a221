//! Tiles: the path encoding and the tile sets of the spec's examples,
//! then a tree published incrementally and read back through its files,
//! against the in-memory tree.

use std::collections::BTreeMap;
use std::convert::Infallible;

use super::*;
use crate::checkpoint::Checkpoint;
use crate::merkle::MemoryTree;

/// A published log in memory: the entries and their tree.
struct Mem {
    tree: MemoryTree,
    entries: Vec<Vec<u8>>,
}

impl Mem {
    fn new(n: u64) -> Mem {
        let mut m = Mem {
            tree: MemoryTree::new(),
            entries: Vec::new(),
        };
        m.grow(n);
        m
    }

    fn grow(&mut self, n: u64) {
        while (self.entries.len() as u64) < n {
            let e = format!("entry {}", self.entries.len()).into_bytes();
            self.tree.push(&e);
            self.entries.push(e);
        }
    }

    fn checkpoint(&self, size: u64) -> Vec<u8> {
        // Signatures do not matter to the tile layout; a well-formed line
        // does, as the publisher reads the size from the note.
        let text = Checkpoint::new("example.com/log", size, self.tree.root_at(size)).text();
        format!("{text}\n\u{2014} example.com/log AAAAAAA=\n").into_bytes()
    }
}

impl Source for Mem {
    type Error = Infallible;

    fn hashes(&mut self, level: u8, start: u64, end: u64) -> Result<Vec<Hash>, Infallible> {
        Ok((start..end)
            .map(|index| self.tree.subtree_hash(Subtree { level, index }).unwrap())
            .collect())
    }

    fn entries(&mut self, start: u64, end: u64) -> Result<Vec<Vec<u8>>, Infallible> {
        Ok(self.entries[start as usize..end as usize].to_vec())
    }
}

fn publish(mem: &mut Mem, previous: u64, size: u64, files: &mut BTreeMap<String, Vec<u8>>) {
    let cp = mem.checkpoint(size);
    let list = published_files(previous, &cp, mem).unwrap();
    assert_eq!(
        list.last().unwrap().0,
        "checkpoint",
        "the checkpoint comes last"
    );
    for (path, bytes) in list {
        if path != "checkpoint" {
            if let Some(old) = files.get(&path) {
                assert_eq!(old, &bytes, "{path} changed");
            }
        }
        files.insert(path, bytes);
    }
}

fn reader(
    files: &BTreeMap<String, Vec<u8>>,
    size: u64,
) -> Tiles<impl FnMut(&Tile) -> Result<Vec<u8>, String> + '_> {
    Tiles::new(size, move |t: &Tile| {
        files
            .get(&t.path())
            .cloned()
            .ok_or_else(|| format!("no {t}"))
    })
}

#[test]
fn indexes_are_written_in_x_prefixed_groups() {
    assert_eq!(encode_index(0), "000");
    assert_eq!(encode_index(7), "007");
    assert_eq!(encode_index(999), "999");
    assert_eq!(encode_index(1000), "x001/000");
    assert_eq!(encode_index(1_234_067), "x001/x234/067");
    let t = Tile {
        kind: Kind::Hashes(1),
        index: 1_234_067,
        width: 5,
    };
    assert_eq!(t.path(), "tile/1/x001/x234/067.p/5");
    assert_eq!(Tile::parse(&t.path()), Ok(t));
    let e = Tile {
        kind: Kind::Entries,
        index: 12,
        width: 256,
    };
    assert_eq!(e.path(), "tile/entries/012");
    assert_eq!(Tile::parse("tile/entries/012"), Ok(e));
    for bad in [
        "tile/1/1",
        "tile/01/001",
        "tile/64/001",
        "tile/0/x000/001",
        "tile/0/001/002",
        "tile/0/x001",
        "tile/0/001.p/0",
        "tile/0/001.p/256",
        "tile/0/001.p/05",
        "tile/0/001.p/",
        "tile/0/0a1",
        "tile/x/001",
        "tiles/0/001",
        "tile/0/x999/x999/x999/x999/x999/x999/x999/999",
    ] {
        assert!(Tile::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_tile_sets_of_the_spec_examples() {
    // "a tree of size 70,000 will be represented by 273 full level 0
    // tiles, one partial level 0 tile of width 112, one full level 1
    // tile, one partial level 1 tile of width 17, and one partial level 2
    // tile of width 1."
    let tiles: Vec<Tile> = tiles_between(0, 70_000)
        .into_iter()
        .filter(|t| t.kind != Kind::Entries)
        .collect();
    let at = |l: u8| -> Vec<u16> {
        tiles
            .iter()
            .filter(|t| t.kind == Kind::Hashes(l))
            .map(|t| t.width)
            .collect()
    };
    assert_eq!(at(0).len(), 274);
    assert_eq!(at(0).iter().filter(|&&w| w == 256).count(), 273);
    assert_eq!(*at(0).last().unwrap(), 112);
    assert_eq!(at(1), vec![256, 17]);
    assert_eq!(at(2), vec![1]);
    assert_eq!(tiles.len(), 274 + 2 + 1);
    // "a tree of size 256 will be represented by a full level 0 tile and
    // a partial level 1 tile of width 1."
    let small = tiles_between(0, 256);
    assert_eq!(
        small,
        vec![
            Tile {
                kind: Kind::Entries,
                index: 0,
                width: 256
            },
            Tile {
                kind: Kind::Hashes(0),
                index: 0,
                width: 256
            },
            Tile {
                kind: Kind::Hashes(1),
                index: 0,
                width: 1
            },
        ]
    );
    // Growing rewrites only the right edge.
    let grown = tiles_between(70_000, 70_100);
    assert_eq!(
        grown,
        vec![
            Tile {
                kind: Kind::Entries,
                index: 273,
                width: 212
            },
            Tile {
                kind: Kind::Hashes(0),
                index: 273,
                width: 212
            },
        ]
    );
    assert!(tiles_between(5, 5).is_empty());
    assert!(tiles_between(0, 0).is_empty());
}

#[test]
fn bundles_round_trip_and_refuse_bad_lengths() {
    let tile = Tile {
        kind: Kind::Entries,
        index: 0,
        width: 3,
    };
    let entries: Vec<&[u8]> = vec![b"a", b"", b"ccc"];
    let bytes = encode_bundle::<Infallible, _>(&entries).unwrap();
    assert_eq!(bytes, b"\x00\x01a\x00\x00\x00\x03ccc");
    assert_eq!(decode_bundle::<Infallible>(&tile, &bytes).unwrap(), entries);
    assert!(decode_bundle::<Infallible>(&tile, &bytes[..bytes.len() - 1]).is_err());
    let wider = Tile { width: 4, ..tile };
    assert!(decode_bundle::<Infallible>(&wider, &bytes).is_err());
    let long = vec![0u8; 65_536];
    assert_eq!(
        encode_bundle::<Infallible, _>(&[long]),
        Err(TileError::EntryTooLong(65_536))
    );
}

#[test]
fn a_log_published_in_steps_proves_everything_from_a_few_tiles() {
    let sizes = [1u64, 3, 255, 256, 257, 600, 65_536, 65_537, 70_000];
    let mut mem = Mem::new(0);
    let mut files = BTreeMap::new();
    let mut previous = 0;
    for &size in &sizes {
        mem.grow(size);
        publish(&mut mem, previous, size, &mut files);
        previous = size;
    }
    let tree = &mem.tree;
    for &size in &sizes {
        let mut tiles = reader(&files, size);
        assert_eq!(tiles.root().unwrap(), tree.root_at(size), "root of {size}");
        for index in [0, size / 3, size / 2, size - 1] {
            let mut fresh = reader(&files, size);
            let proof = fresh.inclusion_proof(index).unwrap();
            assert_eq!(proof, tree.inclusion_proof(index, size).unwrap());
            // Leaf level, the right edge and one tile up per level: a
            // handful, however large the tree.
            assert!(
                fresh.fetched() <= 6,
                "{} tiles for {index} in {size}",
                fresh.fetched()
            );
            let leaf = fresh.leaf_hash(index).unwrap();
            merkle::verify_inclusion(index, size, &leaf, &proof, &tree.root_at(size)).unwrap();
            // The entry is in its bundle and hashes to the leaf.
            let bundle = fresh.bundle_of(index);
            let entries = decode_bundle::<Infallible>(&bundle, &files[&bundle.path()]).unwrap();
            let entry = entries[(index % WIDTH) as usize];
            assert_eq!(merkle::leaf_hash(entry), leaf);
        }
        for &first in sizes.iter().filter(|&&f| f <= size) {
            let proof = tiles.consistency_proof(first).unwrap();
            assert_eq!(proof, tree.consistency_proof(first, size).unwrap());
            merkle::verify_consistency(
                first,
                size,
                &tree.root_at(first),
                &tree.root_at(size),
                &proof,
            )
            .unwrap();
        }
    }
    // Publishing all at once writes the same files.
    let mut once = BTreeMap::new();
    publish(&mut mem, 0, 70_000, &mut once);
    for (path, bytes) in &once {
        if path != "checkpoint" {
            assert_eq!(files.get(path), Some(bytes), "{path}");
        }
    }
    assert!(published_files(70_001, &mem.checkpoint(70_000), &mut mem).is_err());
}

#[test]
fn a_tampered_or_short_tile_does_not_give_a_proof_that_verifies() {
    let mut mem = Mem::new(1000);
    let mut files = BTreeMap::new();
    publish(&mut mem, 0, 1000, &mut files);
    let root = mem.tree.root();
    let mut tampered = files.clone();
    tampered.get_mut("tile/0/001").unwrap()[40] ^= 1;
    let mut tiles = reader(&tampered, 1000);
    let proof = tiles.inclusion_proof(300).unwrap();
    let leaf = tiles.leaf_hash(300).unwrap();
    assert!(merkle::verify_inclusion(300, 1000, &leaf, &proof, &root).is_err());
    // The same for a sibling hash on the path, from the level-1 tile.
    let mut tampered = files.clone();
    tampered.get_mut("tile/1/000.p/3").unwrap()[40] ^= 1;
    let mut tiles = reader(&tampered, 1000);
    let proof = tiles.inclusion_proof(0).unwrap();
    let leaf = tiles.leaf_hash(0).unwrap();
    assert!(merkle::verify_inclusion(0, 1000, &leaf, &proof, &root).is_err());

    let mut short = files.clone();
    short.get_mut("tile/0/002").unwrap().pop();
    assert!(matches!(
        reader(&short, 1000).inclusion_proof(600),
        Err(TileError::Length(..))
    ));
    assert!(matches!(
        reader(&files, 1000).leaf_hash(1000),
        Err(TileError::Proof(_))
    ));
    for t in [
        Subtree {
            level: 63,
            index: 1,
        },
        Subtree {
            level: 64,
            index: 0,
        },
        Subtree {
            level: 1,
            index: u64::MAX,
        },
        Subtree {
            level: 10,
            index: 0,
        },
    ] {
        assert!(
            matches!(reader(&files, 1000).subtree(t), Err(TileError::Proof(_))),
            "{t:?}"
        );
    }
    let mut missing = files.clone();
    missing.remove("tile/0/003.p/232");
    assert!(matches!(
        reader(&missing, 1000).root(),
        Err(TileError::Fetch(_))
    ));
}
