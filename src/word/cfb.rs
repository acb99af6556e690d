//! Just enough of the OLE2 compound file format ([MS-CFB]) to read named streams: the FAT
//! and mini FAT chains, followed with a bound on their length (a looping chain stops).

use crate::error::{CoreError, FileKind};

pub(super) struct Cfb<'a> {
    data: &'a [u8],
    shift: u32,
    fat: Vec<u32>,
    minifat: Vec<u32>,
    ministream: Vec<u8>,
    cutoff: usize,
    /// (name, type, start sector, size)
    pub entries: Vec<(String, u8, u32, usize)>,
}

const END: u32 = 0xFFFF_FFFE;

fn u16_at(b: &[u8], i: usize) -> u16 {
    b.get(i..i + 2).map_or(0, |s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    b.get(i..i + 4).map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn damaged(reason: &str) -> CoreError {
    CoreError::Damaged { what: FileKind::Word, reason: reason.to_string() }
}

impl<'a> Cfb<'a> {
    pub(super) fn open(data: &'a [u8]) -> Result<Cfb<'a>, CoreError> {
        if data.len() < 512 {
            return Err(damaged("the compound file header is truncated"));
        }
        let shift = u32::from(u16_at(data, 0x1E));
        if !(7..=16).contains(&shift) {
            return Err(damaged("bad sector size in the compound file header"));
        }
        let mut cfb = Cfb {
            data,
            shift,
            fat: Vec::new(),
            minifat: Vec::new(),
            ministream: Vec::new(),
            cutoff: u32_at(data, 0x38).max(1) as usize,
            entries: Vec::new(),
        };
        let sector_size = 1usize << shift;
        let n_sectors = data.len() / sector_size + 1;
        // DIFAT: 109 in the header, then a chain of DIFAT sectors.
        let mut difat: Vec<u32> = (0..109).map(|i| u32_at(data, 0x4C + 4 * i)).filter(|&s| s < END - 2).collect();
        let mut next = u32_at(data, 0x44);
        let mut guard = 0;
        while next < END - 2 && guard < n_sectors {
            let Some(sec) = cfb.sector(next) else { break };
            let per = sector_size / 4 - 1;
            difat.extend((0..per).map(|i| u32_at(sec, 4 * i)).filter(|&s| s < END - 2));
            next = u32_at(sec, 4 * per);
            guard += 1;
        }
        for s in difat.into_iter().take(n_sectors) {
            if let Some(sec) = cfb.sector(s) {
                let sec = sec.to_vec();
                cfb.fat.extend((0..sector_size / 4).map(|i| u32_at(&sec, 4 * i)));
            }
        }
        let dir = cfb.chain(u32_at(data, 0x30));
        for e in dir.chunks_exact(128).take(100_000) {
            let len = (u16_at(e, 0x40) as usize).min(64);
            let units: Vec<u16> = (0..len / 2).map(|i| u16_at(e, 2 * i)).take_while(|&u| u != 0).collect();
            let name = String::from_utf16_lossy(&units);
            cfb.entries.push((name, e[0x42], u32_at(e, 0x74), u32_at(e, 0x78) as usize));
        }
        if cfb.entries.is_empty() {
            return Err(damaged("the compound file's directory is missing"));
        }
        let minifat = cfb.chain(u32_at(data, 0x3C));
        cfb.minifat = (0..minifat.len() / 4).map(|i| u32_at(&minifat, 4 * i)).collect();
        if let Some(&(_, _, start, size)) = cfb.entries.first() {
            let mut ms = cfb.chain(start);
            ms.truncate(size);
            cfb.ministream = ms;
        }
        Ok(cfb)
    }

    fn sector(&self, n: u32) -> Option<&'a [u8]> {
        let size = 1usize << self.shift;
        let at = (n as usize).checked_add(1)?.checked_mul(size)?;
        let end = at.checked_add(size)?.min(self.data.len());
        self.data.get(at..end).filter(|s| !s.is_empty())
    }

    fn chain(&self, start: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut s = start;
        let mut steps = 0;
        while s < END - 2 && steps <= self.fat.len() {
            let Some(sec) = self.sector(s) else { break };
            out.extend_from_slice(sec);
            s = self.fat.get(s as usize).copied().unwrap_or(END);
            steps += 1;
        }
        out
    }

    fn mini_chain(&self, start: u32, size: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut s = start;
        let mut steps = 0;
        while s < END - 2 && steps <= self.minifat.len() && out.len() < size {
            let at = (s as usize) * 64;
            let Some(piece) = self.ministream.get(at..(at + 64).min(self.ministream.len())) else { break };
            out.extend_from_slice(piece);
            s = self.minifat.get(s as usize).copied().unwrap_or(END);
            steps += 1;
        }
        out.truncate(size);
        out
    }

    /// The stream `name` (a top-level stream).
    pub(super) fn stream(&self, name: &str) -> Option<Vec<u8>> {
        let &(_, kind, start, size) = self.entries.iter().skip(1).find(|e| e.0 == name && e.1 == 2)?;
        if size < self.cutoff {
            return Some(self.mini_chain(start, size));
        }
        let mut v = self.chain(start);
        v.truncate(size);
        let _ = kind;
        Some(v)
    }

    pub(super) fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.0 == name)
    }
}
