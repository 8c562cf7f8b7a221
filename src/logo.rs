//! A business's logo: which bytes make one, and how it is named.
//!
//! A logo is fetched once, at approval (`service::logo`), and served by
//! bizseal itself under its SHA-256, so clients never fetch a URL the
//! business controls and can check what they got. [`Logo::parse`] is the
//! only way to make one: at most [`MAX_BYTES`], a PNG, JPEG or WebP by its
//! magic bytes (the `Content-Type` the business's server sent is not
//! asked; SVG is refused, as it can carry script, and so is anything
//! else), with its dimensions read from the image header and bounded, so
//! that a small file cannot decode to gigabytes of pixels on every client.
//! Nothing is decoded beyond the header.

use serde::{Deserialize, Serialize};

/// Where bizseal serves logos: `/logos/<sha256 hex>.<extension>`.
pub const LOGO_PATH: &str = "/logos/";

/// The largest logo taken, in bytes: ample for a badge-sized PNG.
pub const MAX_BYTES: u64 = 256 * 1024;

/// The largest width or height taken. A logo is shown at badge size; a
/// side of 2048 pixels bounds a client's decode at 16 MiB of RGBA.
pub const MAX_SIDE: u32 = 2048;

/// A logo's image format, as sniffed from its first bytes. Stored in
/// records: new formats go at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MediaType {
    Png,
    Jpeg,
    Webp,
}

impl MediaType {
    /// The media type, as `Content-Type` says it.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Webp => "image/webp",
        }
    }

    /// The file extension of its URL.
    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Png => "png",
            MediaType::Jpeg => "jpg",
            MediaType::Webp => "webp",
        }
    }

    fn from_extension(ext: &str) -> Option<MediaType> {
        [MediaType::Png, MediaType::Jpeg, MediaType::Webp]
            .into_iter()
            .find(|m| m.extension() == ext)
    }
}

/// Why a business has no logo: its URL could not be fetched, or what came
/// back is not a logo. Stored in records: new reasons go at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LogoFailure {
    /// Plain `http://` outside a lab (`--allow-private-targets`).
    InsecureUrl,
    /// Not a URL the fence fetches (a user name in it, a port other than
    /// 443 outside a lab).
    BadUrl,
    Unresolvable,
    /// The host resolves to an address that is not global.
    PrivateAddress,
    Timeout,
    ConnectFailed,
    /// Redirects are not followed.
    Redirect,
    /// An answer other than 200.
    HttpStatus,
    /// More than [`MAX_BYTES`].
    TooLarge,
    /// Not a PNG, JPEG or WebP (SVG, HTML, GIF, ...).
    UnsupportedType,
    /// The image header does not read.
    BadImage,
    /// Wider or taller than [`MAX_SIDE`].
    TooManyPixels,
    /// The logo URL changed while it was being fetched.
    UrlChanged,
}

impl LogoFailure {
    /// The reason's name, as the API and the audit trail give it.
    pub fn name(self) -> &'static str {
        match self {
            LogoFailure::InsecureUrl => "insecure_url",
            LogoFailure::BadUrl => "bad_url",
            LogoFailure::Unresolvable => "unresolvable",
            LogoFailure::PrivateAddress => "private_address",
            LogoFailure::Timeout => "timeout",
            LogoFailure::ConnectFailed => "connect_failed",
            LogoFailure::Redirect => "redirect",
            LogoFailure::HttpStatus => "http_status",
            LogoFailure::TooLarge => "too_large",
            LogoFailure::UnsupportedType => "unsupported_type",
            LogoFailure::BadImage => "bad_image",
            LogoFailure::TooManyPixels => "too_many_pixels",
            LogoFailure::UrlChanged => "url_changed",
        }
    }
}

/// Which logo a business shows: the bytes are stored once under their
/// SHA-256 (identical logos share them), this says which and what they
/// are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogoRef {
    pub sha256: [u8; 32],
    pub media_type: MediaType,
    pub bytes_len: u32,
    pub width: u32,
    pub height: u32,
}

impl LogoRef {
    /// The SHA-256 in lowercase hex.
    pub fn hex(&self) -> String {
        self.sha256.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Its file name under `/logos/`: `<hex>.<extension>`.
    pub fn file_name(&self) -> String {
        format!("{}.{}", self.hex(), self.media_type.extension())
    }

    /// Its digest as W3C Subresource Integrity writes it (and RFC 9795's
    /// `rcdi` claim): `sha256-` and the standard base64 of the hash.
    pub fn integrity(&self) -> String {
        use base64::engine::general_purpose::STANDARD;
        use base64::Engine;
        format!("sha256-{}", STANDARD.encode(self.sha256))
    }
}

/// A logo file name that does not name one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a logo is named by 64 lowercase hex digits of its SHA-256 and .png, .jpg or .webp")]
pub struct BadLogoName;

/// The hash and format a `/logos/` file name names.
pub fn parse_file_name(name: &str) -> Result<([u8; 32], MediaType), BadLogoName> {
    let (hex, ext) = name.split_once('.').ok_or(BadLogoName)?;
    let media_type = MediaType::from_extension(ext).ok_or(BadLogoName)?;
    if hex.len() != 64 {
        return Err(BadLogoName);
    }
    let mut sha = [0u8; 32];
    for (i, pair) in hex.as_bytes().chunks(2).enumerate() {
        let digit = |c: u8| match c {
            b'0'..=b'9' => Ok(c - b'0'),
            b'a'..=b'f' => Ok(c - b'a' + 10),
            _ => Err(BadLogoName),
        };
        sha[i] = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Ok((sha, media_type))
}

/// A logo's bytes, checked, with their reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    bytes: Vec<u8>,
    reference: LogoRef,
}

impl Logo {
    /// Takes `bytes` as a logo if they are one (see the module).
    pub fn parse(bytes: Vec<u8>) -> Result<Logo, LogoFailure> {
        let bytes_len = u32::try_from(bytes.len())
            .ok()
            .filter(|n| u64::from(*n) <= MAX_BYTES)
            .ok_or(LogoFailure::TooLarge)?;
        let media_type = sniff(&bytes).ok_or(LogoFailure::UnsupportedType)?;
        let (width, height) = dimensions(media_type, &bytes).ok_or(LogoFailure::BadImage)?;
        if width == 0 || height == 0 {
            return Err(LogoFailure::BadImage);
        }
        if width > MAX_SIDE || height > MAX_SIDE {
            return Err(LogoFailure::TooManyPixels);
        }
        let digest = ring::digest::digest(&ring::digest::SHA256, &bytes);
        let mut sha256 = [0u8; 32];
        sha256.copy_from_slice(digest.as_ref());
        Ok(Logo {
            reference: LogoRef {
                sha256,
                media_type,
                bytes_len,
                width,
                height,
            },
            bytes,
        })
    }

    /// The image's bytes, as fetched.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// What a business record keeps of it.
    pub fn reference(&self) -> LogoRef {
        self.reference
    }
}

/// The format the magic bytes say (WHATWG MIME Sniffing's image
/// signatures), if it is one a logo may have.
fn sniff(bytes: &[u8]) -> Option<MediaType> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(MediaType::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(MediaType::Jpeg)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(MediaType::Webp)
    } else {
        None
    }
}

/// Width and height from the image header, if it reads.
fn dimensions(media_type: MediaType, b: &[u8]) -> Option<(u32, u32)> {
    match media_type {
        // The first chunk is IHDR: width and height, big-endian.
        MediaType::Png => {
            if b.get(12..16)? != b"IHDR" {
                return None;
            }
            Some((be32(b, 16)?, be32(b, 20)?))
        }
        MediaType::Jpeg => jpeg_dimensions(b),
        MediaType::Webp => webp_dimensions(b),
    }
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(u32::from(s[0]) | u32::from(s[1]) << 8 | u32::from(s[2]) << 16)
}

/// JPEG: the segments after SOI up to the first start-of-frame marker
/// (SOF0-SOF15 but DHT, JPG and DAC), whose header holds height and width
/// (ITU T.81, B.2.2).
fn jpeg_dimensions(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        if *b.get(at)? != 0xff {
            return None;
        }
        while *b.get(at)? == 0xff {
            at += 1; // fill bytes
        }
        let marker = *b.get(at)?;
        at += 1;
        match marker {
            0xd0..=0xd7 | 0x01 => continue, // no length
            0xda | 0xd9 => return None,     // scan or end before any frame
            0xc0..=0xcf if !matches!(marker, 0xc4 | 0xc8 | 0xcc) => {
                return Some((be16(b, at + 5)?, be16(b, at + 3)?));
            }
            _ => at += usize::try_from(be16(b, at)?).ok()?,
        }
    }
}

/// WebP: the first chunk after the RIFF header is the simple lossy
/// (`VP8 `), lossless (`VP8L`) or extended (`VP8X`) format's (RFC 9649).
fn webp_dimensions(b: &[u8]) -> Option<(u32, u32)> {
    let data = 20;
    match b.get(12..16)? {
        b"VP8 " => {
            // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit sizes.
            if b.get(data + 3..data + 6)? != [0x9d, 0x01, 0x2a] {
                return None;
            }
            let le14 = |at: usize| {
                Some(u32::from(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?)) & 0x3fff)
            };
            Some((le14(data + 6)?, le14(data + 8)?))
        }
        b"VP8L" => {
            if *b.get(data)? != 0x2f {
                return None;
            }
            let bits = u32::from_le_bytes(b.get(data + 1..data + 5)?.try_into().ok()?);
            Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
        }
        b"VP8X" => Some((le24(b, data + 4)? + 1, le24(b, data + 7)? + 1)),
        _ => None,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A 1x1 PNG (a real one: IHDR, IDAT, IEND).
    pub(crate) const PNG_1X1: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
        0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
        0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut b = PNG_1X1.to_vec();
        b[16..20].copy_from_slice(&width.to_be_bytes());
        b[20..24].copy_from_slice(&height.to_be_bytes());
        b
    }

    /// SOI, an APP0 segment, SOF0 of `width` x `height`, EOI.
    fn jpeg(width: u16, height: u16) -> Vec<u8> {
        let mut b = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, b'J', b'F'];
        b.extend([0xff, 0xff, 0xc0, 0x00, 0x0b, 0x08]);
        b.extend(height.to_be_bytes());
        b.extend(width.to_be_bytes());
        b.extend([0x01, 0x01, 0x11, 0x00, 0xff, 0xd9]);
        b
    }

    fn webp(chunk: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut b = b"RIFF\0\0\0\0WEBP".to_vec();
        b.extend(chunk);
        b.extend((data.len() as u32).to_le_bytes());
        b.extend(data);
        b
    }

    #[test]
    fn png_jpeg_and_webp_are_taken_with_their_dimensions() {
        let logo = Logo::parse(PNG_1X1.to_vec()).unwrap();
        let r = logo.reference();
        assert_eq!((r.media_type, r.width, r.height), (MediaType::Png, 1, 1));
        assert_eq!(r.bytes_len as usize, PNG_1X1.len());
        assert_eq!(
            r.sha256.as_slice(),
            ring::digest::digest(&ring::digest::SHA256, PNG_1X1).as_ref()
        );
        assert_eq!(logo.bytes(), PNG_1X1);

        let r = Logo::parse(jpeg(640, 480)).unwrap().reference();
        assert_eq!(
            (r.media_type, r.width, r.height),
            (MediaType::Jpeg, 640, 480)
        );

        let lossy = webp(
            b"VP8 ",
            &[0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xf0, 0x00],
        );
        let r = Logo::parse(lossy).unwrap().reference();
        assert_eq!(
            (r.media_type, r.width, r.height),
            (MediaType::Webp, 320, 240)
        );

        // 14-bit width-1 = 99, height-1 = 49.
        let bits: u32 = 99 | (49 << 14);
        let mut data = vec![0x2f];
        data.extend(bits.to_le_bytes());
        let r = Logo::parse(webp(b"VP8L", &data)).unwrap().reference();
        assert_eq!((r.width, r.height), (100, 50));

        let extended = webp(
            b"VP8X",
            &[0x10, 0, 0, 0, 0xff, 0x01, 0x00, 0x7f, 0x00, 0x00],
        );
        let r = Logo::parse(extended).unwrap().reference();
        assert_eq!((r.width, r.height), (512, 128));
    }

    #[test]
    fn the_type_is_sniffed_and_svg_html_and_gif_are_refused() {
        for other in [
            &b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"[..],
            b"<?xml version=\"1.0\"?><svg/>",
            b"<!DOCTYPE html><html><body>hi</body></html>",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
            b"",
            b"\x89PNG",
        ] {
            assert_eq!(
                Logo::parse(other.to_vec()),
                Err(LogoFailure::UnsupportedType),
                "{other:?}"
            );
        }
    }

    #[test]
    fn size_and_dimensions_are_bounded() {
        let mut big = PNG_1X1.to_vec();
        big.resize(MAX_BYTES as usize + 1, 0);
        assert_eq!(Logo::parse(big), Err(LogoFailure::TooLarge));
        let mut just = PNG_1X1.to_vec();
        just.resize(MAX_BYTES as usize, 0);
        assert!(Logo::parse(just).is_ok());

        assert_eq!(
            Logo::parse(png(MAX_SIDE + 1, 1)),
            Err(LogoFailure::TooManyPixels)
        );
        assert_eq!(
            Logo::parse(jpeg(1, 60_000)),
            Err(LogoFailure::TooManyPixels)
        );
        assert!(Logo::parse(png(MAX_SIDE, MAX_SIDE)).is_ok());
        assert_eq!(Logo::parse(png(0, 5)), Err(LogoFailure::BadImage));
    }

    #[test]
    fn a_header_that_does_not_read_is_refused_not_a_panic() {
        assert_eq!(
            Logo::parse(PNG_1X1[..14].to_vec()),
            Err(LogoFailure::BadImage)
        );
        assert_eq!(
            Logo::parse(vec![0xff, 0xd8, 0xff, 0xda, 0, 2]),
            Err(LogoFailure::BadImage)
        );
        assert_eq!(
            Logo::parse(b"RIFF\0\0\0\0WEBPVP8 ".to_vec()),
            Err(LogoFailure::BadImage)
        );
        // Every prefix and every single-byte change of good images.
        for good in [PNG_1X1.to_vec(), jpeg(10, 10)] {
            for cut in 0..good.len() {
                let _ = Logo::parse(good[..cut].to_vec());
            }
            for i in 0..good.len() {
                let mut bent = good.clone();
                bent[i] ^= 0x5a;
                let _ = Logo::parse(bent);
            }
        }
    }

    #[test]
    fn file_names_round_trip_and_garbage_is_refused() {
        let r = Logo::parse(PNG_1X1.to_vec()).unwrap().reference();
        let name = r.file_name();
        assert!(name.ends_with(".png") && name.len() == 68, "{name}");
        assert_eq!(parse_file_name(&name), Ok((r.sha256, MediaType::Png)));
        assert!(r.integrity().starts_with("sha256-") && r.integrity().ends_with('='));
        let hex = r.hex();
        for bad in [
            hex.clone(),
            format!("{hex}.svg"),
            format!("{hex}.PNG"),
            format!("{}.png", hex.to_ascii_uppercase()),
            format!("{}.png", &hex[..62]),
            format!("{hex}0.png"),
            format!("{}g.png", &hex[..63]),
            ".png".into(),
            String::new(),
        ] {
            assert_eq!(parse_file_name(&bad), Err(BadLogoName), "{bad:?}");
        }
    }
}
