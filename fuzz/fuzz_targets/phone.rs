//! Phone parsing takes any text a client sends. Whatever arrives, it must
//! answer (never panic past its guard), and every number it accepts must be
//! canonical E.164 that parses back to itself and that the stored-number
//! fast path recognises.
#![no_main]

use bizseal::phone::{PhoneNumber, Region};
use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        bizseal::phone::warm_up();
        // `PhoneNumber::parse` runs the rlibphonenumber crate under
        // `catch_unwind` and turns its panics into "invalid". libfuzzer-sys
        // aborts on every panic from its hook, so let panics raised inside
        // that crate reach the guard; any other panic is still a crash.
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_guarded_crate = info
                .location()
                .is_some_and(|l| l.file().contains("phonenumber"));
            if !in_guarded_crate {
                abort(info);
            }
        }));
    },
    |data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        // The first two characters pick a region when they name one.
        let (region, input) = match text.get(..2).map(Region::parse) {
            Some(Ok(region)) => (Some(region), &text[2..]),
            _ => (None, text),
        };
        if let Ok(number) = PhoneNumber::parse(input, region) {
            let e164 = number.as_str();
            assert!(PhoneNumber::is_e164_shaped(e164), "{e164:?} from {input:?}");
            assert_eq!(
                PhoneNumber::parse(e164, None).as_ref(),
                Ok(&number),
                "{e164:?} does not parse back to itself"
            );
        }
    }
);
