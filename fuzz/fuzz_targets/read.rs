//! Reads arbitrary text with the streaming YAML reader, as the flow types and as any YAML:
//! it may refuse the text, but never panics, never hangs on aliases or nesting, every
//! error it reports lies inside the text, and every place it indexes at most at its end.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signin_doctor_core::flow::{PositionIndex, RawFlow, YamlPath, read};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Lines as YAML counts them: a line ends at "\r\n", "\n" or a lone "\r"; a place may
    // also be just past the last line break.
    let breaks = text.matches('\n').count() + text.matches('\r').count()
        - text.matches("\r\n").count();
    let lines = breaks + 1;
    let flow = read::<RawFlow>(text);
    if let Err(error) = &flow.value
        && let Some((line, column)) = error.location()
    {
        assert!(line >= 1 && line <= lines, "{error} at line {line} of {lines}");
        assert!(column >= 1, "{error} at column {column}");
    }
    // An empty value at the very end (`key:` on the last line) is placed where the next
    // line would start.
    let index = PositionIndex::build(text);
    if let Some(place) = index.find(&YamlPath::root()) {
        assert!(place.value.line() <= lines + 1);
    }
    if let Ok(raw) = &flow.value {
        for (key, _) in &raw.nodes {
            let place = index.find(&YamlPath::node(key)).expect("every node read is indexed");
            assert!(place.value.line() <= lines + 1);
        }
    }
});
