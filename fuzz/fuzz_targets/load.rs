//! Load and check arbitrary bytes as a flow file: it may fail, but never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(checked) = signin_doctor_core::flow::load_bytes(data, "fuzz.yaml") {
        // A flow that loads is valid: walking its first answers never fails.
        let flow = checked.flow.shared();
        let mut session = signin_doctor_core::session::Session::new(flow);
        for _ in 0..64 {
            if session.option_count() == 0 || session.choose(0).is_err() {
                break;
            }
        }
    }
});
