//! Waiting for a started program with a time limit, so a program that hangs fails its test
//! instead of hanging the test run: one loop for plain child processes and programs in a
//! pseudo-terminal alike.

use std::thread;
use std::time::{Duration, Instant};

/// A started program that can be asked whether it has exited, and stopped.
pub trait Running {
    /// How it exited.
    type Status;
    /// Its exit status if it has exited, without waiting.
    fn exited(&mut self) -> Option<Self::Status>;
    /// Kills it and collects it, so no zombie is left.
    fn stop(&mut self);
}

impl Running for std::process::Child {
    type Status = std::process::ExitStatus;

    fn exited(&mut self) -> Option<Self::Status> {
        self.try_wait().expect("the child can be waited for")
    }

    fn stop(&mut self) {
        self.kill().ok();
        self.wait().ok();
    }
}

impl Running for Box<dyn portable_pty::Child + Send + Sync> {
    type Status = portable_pty::ExitStatus;

    fn exited(&mut self) -> Option<Self::Status> {
        self.try_wait().expect("the child can be waited for")
    }

    fn stop(&mut self) {
        self.kill().ok();
        self.wait().ok();
    }
}

/// Waits up to `limit` for `child` to exit and gives how it exited; `None` when it was
/// still running at the limit, and has been stopped.
pub fn exit_within<C: Running>(child: &mut C, limit: Duration) -> Option<C::Status> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.exited() {
            return Some(status);
        }
        if start.elapsed() > limit {
            child.stop();
            return None;
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// Waits up to `limit` for `child` to exit and gives how it exited; fails the test,
/// saying `what` was expected, when it was still running (and stops it).
#[track_caller]
pub fn expect_exit<C: Running>(child: &mut C, limit: Duration, what: &str) -> C::Status {
    match exit_within(child, limit) {
        Some(status) => status,
        None => panic!("{what}: still running after {limit:?}"),
    }
}
