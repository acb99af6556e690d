//! A fast hasher for the maps on hot paths, whose keys are our own (characters, tag
//! name hashes, field names), never attacker-chosen in a way that matters: SipHash's
//! flood resistance costs ~1% of a parse there for nothing. The Fx hash of rustc.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub(crate) type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_with_every_key_kind() {
        let mut m: FastMap<char, usize> = FastMap::default();
        let mut s: FastMap<&str, usize> = FastMap::default();
        for (i, c) in "政府信息公开工作年度报告abc".chars().enumerate() {
            m.insert(c, i);
            s.insert(["政府", "信息", "公开", "x"][i % 4], i);
        }
        assert_eq!(m[&'信'], 2);
        assert_eq!(m.len(), 15);
        assert_eq!(s.len(), 4);
        let mut h1 = FxHasher::default();
        let mut h2 = FxHasher::default();
        h1.write(b"colspan");
        h2.write(b"rowspan");
        assert_ne!(h1.finish(), h2.finish());
    }
}
