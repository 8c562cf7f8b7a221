//! Rice coding of a strictly increasing set of integers: the gaps between
//! neighbours, each as a unary quotient and `k` low bits (Golomb coding with
//! a power-of-two divisor, as Safe Browsing v4 and BIP 158 do).
//!
//! For `n` values spread uniformly over `[0, 2^b)` the gaps are nearly
//! geometric with mean `2^b / n`, and Rice coding with `k ≈ log2(mean)`
//! costs about `k + 1.6` bits a value. No crate we found both encodes and
//! decodes Rice-coded sets without I/O or a platform-specific backend, and
//! the whole coder is the two loops below, so it is written here.

use super::FormatError;

/// Appends bits most significant first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    /// Bits used in the last byte (0 means a new byte is needed).
    used: u8,
}

impl BitWriter {
    fn push_bit(&mut self, bit: bool) {
        if self.used == 0 {
            self.bytes.push(0);
        }
        if bit {
            let last = self.bytes.len() - 1;
            self.bytes[last] |= 0x80 >> self.used;
        }
        self.used = (self.used + 1) % 8;
    }

    fn push_bits(&mut self, value: u64, count: u8) {
        for i in (0..count).rev() {
            self.push_bit((value >> i) & 1 == 1);
        }
    }
}

/// Reads bits most significant first; running out is an error, never a
/// panic.
struct BitReader<'a> {
    bytes: &'a [u8],
    bit: usize,
}

impl BitReader<'_> {
    fn bit(&mut self) -> Result<bool, FormatError> {
        let byte = self.bytes.get(self.bit / 8).ok_or(FormatError::Truncated)?;
        let bit = (byte >> (7 - self.bit % 8)) & 1 == 1;
        self.bit += 1;
        Ok(bit)
    }

    fn bits(&mut self, count: u8) -> Result<u64, FormatError> {
        let mut value = 0u64;
        for _ in 0..count {
            value = (value << 1) | u64::from(self.bit()?);
        }
        Ok(value)
    }
}

/// The gaps of a strictly increasing sequence: the first value itself, then
/// each difference less one (two values are never equal).
fn gaps(values: &[u64]) -> impl Iterator<Item = u64> + '_ {
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| if i == 0 { v } else { v - values[i - 1] - 1 })
}

/// Bits the gaps take with parameter `k`.
fn cost(values: &[u64], k: u8) -> u64 {
    gaps(values).map(|g| (g >> k) + 1 + u64::from(k)).sum()
}

/// The parameter that makes `values` smallest: near log2 of the mean gap,
/// the best of that and its neighbours (three passes; the encoder runs on
/// the publisher, the decoder only reads `k`).
pub fn best_k(values: &[u64]) -> u8 {
    let Some(&last) = values.last() else {
        return 0;
    };
    let mean = last / values.len() as u64;
    let guess = (63 - mean.max(1).leading_zeros()) as u8;
    (guess.saturating_sub(1)..=(guess + 1).min(63))
        .min_by_key(|&k| cost(values, k))
        .unwrap_or(guess)
}

/// Encodes a strictly increasing set: `varint(count) k varint(len) bits`.
/// The caller guarantees the order (the list and delta builders sort and
/// deduplicate).
pub fn encode(values: &[u64], out: &mut Vec<u8>) {
    debug_assert!(values.windows(2).all(|w| w[0] < w[1]));
    let k = best_k(values);
    let mut bits = BitWriter::default();
    for gap in gaps(values) {
        for _ in 0..(gap >> k) {
            bits.push_bit(true);
        }
        bits.push_bit(false);
        bits.push_bits(gap, k);
    }
    put_varint(out, values.len() as u64);
    out.push(k);
    put_varint(out, bits.bytes.len() as u64);
    out.extend_from_slice(&bits.bytes);
}

/// Decodes what [`encode`] wrote from the front of `input`; returns the set
/// and the bytes after it. Every value is below `2^bits`.
pub fn decode(input: &[u8], bits: u8) -> Result<(Vec<u64>, &[u8]), FormatError> {
    let (count, rest) = get_varint(input)?;
    let (&k, rest) = rest.split_first().ok_or(FormatError::Truncated)?;
    if k > 63 {
        return Err(FormatError::Invalid("rice parameter above 63"));
    }
    let (len, rest) = get_varint(rest)?;
    let len = usize::try_from(len).map_err(|_| FormatError::Truncated)?;
    if len > rest.len() {
        return Err(FormatError::Truncated);
    }
    let (stream, rest) = rest.split_at(len);
    // Each value takes at least one bit: a count past that is a lie, and
    // must not size an allocation.
    if count > (len as u64).saturating_mul(8) {
        return Err(FormatError::Invalid("more values than bits"));
    }
    let limit = if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    let mut reader = BitReader {
        bytes: stream,
        bit: 0,
    };
    let mut values = Vec::with_capacity(count as usize);
    let mut previous: Option<u64> = None;
    for _ in 0..count {
        let mut quotient = 0u64;
        while reader.bit()? {
            quotient += 1;
        }
        let gap = quotient
            .checked_shl(u32::from(k))
            .filter(|q| q >> k == quotient)
            .ok_or(FormatError::Invalid("gap overflows"))?
            | reader.bits(k)?;
        let value = match previous {
            None => Some(gap),
            Some(p) => p.checked_add(gap).and_then(|v| v.checked_add(1)),
        }
        .filter(|v| *v <= limit)
        .ok_or(FormatError::Invalid("value outside the prefix space"))?;
        values.push(value);
        previous = Some(value);
    }
    Ok((values, rest))
}

/// LEB128, unsigned.
pub fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads a LEB128 unsigned integer from the front of `input`.
pub fn get_varint(input: &[u8]) -> Result<(u64, &[u8]), FormatError> {
    let mut value = 0u64;
    for (i, &byte) in input.iter().enumerate().take(10) {
        let part = u64::from(byte & 0x7f);
        if i == 9 && part > 1 {
            return Err(FormatError::Invalid("varint overflows"));
        }
        value |= part << (7 * i);
        if byte & 0x80 == 0 {
            return Ok((value, &input[i + 1..]));
        }
    }
    Err(FormatError::Truncated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_set_round_trips(mut values in proptest::collection::vec(any::<u64>(), 0..300)) {
            values.sort_unstable();
            values.dedup();
            let mut out = Vec::new();
            encode(&values, &mut out);
            out.extend_from_slice(b"tail");
            let (back, rest) = decode(&out, 64).unwrap();
            prop_assert_eq!(back, values);
            prop_assert_eq!(rest, b"tail");
        }

        #[test]
        fn decoding_garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = decode(&bytes, 34);
        }
    }

    #[test]
    fn uniform_values_cost_about_k_plus_one_and_a_half_bits() {
        // 10,000 values over 2^30 (mean gap 2^16.7): about 18.3 bits each.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut values: Vec<u64> = (0..10_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x >> 34
            })
            .collect();
        values.sort_unstable();
        values.dedup();
        let mut out = Vec::new();
        encode(&values, &mut out);
        let bits_each = out.len() as f64 * 8.0 / values.len() as f64;
        assert!(
            (17.5..19.0).contains(&bits_each),
            "{bits_each} bits a value"
        );
    }

    #[test]
    fn a_varint_past_64_bits_is_refused() {
        let bytes = [0xff; 10];
        assert!(get_varint(&bytes).is_err());
        let mut out = Vec::new();
        put_varint(&mut out, u64::MAX);
        assert_eq!(get_varint(&out).unwrap().0, u64::MAX);
    }
}
