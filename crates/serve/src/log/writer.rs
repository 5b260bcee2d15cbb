//! Writes the operator's log without ever making the server wait: lines go into a bounded
//! queue that one thread of its own writes out, each line whole and in order. When the
//! reader of the log is stuck (a full pipe nobody reads) and the queue is full, further
//! lines are dropped and counted, and once the queue has drained one line says how many.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, TrySendError, sync_channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// What the writing thread and the senders share.
#[derive(Debug, Default)]
struct Counts {
    /// Lines dropped since the last line that said so.
    dropped: AtomicU64,
    /// Lines taken into the queue.
    queued: AtomicU64,
    /// Lines written out (or given up on when the sink failed), with a signal for `flush`.
    written: Mutex<u64>,
    wrote: Condvar,
}

/// A log writer: [`Writer::send`] never blocks.
#[derive(Debug)]
pub struct Writer {
    queue: SyncSender<String>,
    counts: Arc<Counts>,
}

impl Writer {
    /// Starts the thread that writes queued lines to `sink`; at most `capacity` lines wait.
    /// `dropped_line` makes the line (with its line end) that says how many were dropped.
    pub fn spawn(
        sink: impl Write + Send + 'static,
        capacity: usize,
        dropped_line: fn(u64) -> String,
    ) -> Writer {
        let (queue, lines) = sync_channel(capacity);
        let counts = Arc::new(Counts::default());
        let shared = Arc::clone(&counts);
        let spawned = std::thread::Builder::new()
            .name("operator-log".to_owned())
            .spawn(move || write_out(sink, &lines, &shared, dropped_line));
        if spawned.is_err() {
            // No thread: every line is dropped (and counted), none waits.
            counts.dropped.fetch_add(1, Ordering::Relaxed);
        }
        Writer { queue, counts }
    }

    /// Queues `line` (a whole line, with its line end); drops it when the queue is full.
    pub fn send(&self, line: String) {
        match self.queue.try_send(line) {
            Ok(()) => {
                self.counts.queued.fetch_add(1, Ordering::SeqCst);
            }
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.counts.dropped.fetch_add(1, Ordering::SeqCst);
            }
        }
    }

    /// Waits, at most `wait`, until every line queued so far is written: for the last
    /// lines before the server exits. Gives whether they were.
    pub fn flush(&self, wait: Duration) -> bool {
        let queued = self.counts.queued.load(Ordering::SeqCst);
        let written = self
            .counts
            .written
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let (written, _) = self
            .counts
            .wrote
            .wait_timeout_while(written, wait, |written| *written < queued)
            .unwrap_or_else(|e| e.into_inner());
        *written >= queued
    }
}

/// The writing thread: each line as it comes; when the queue is empty, how many were
/// dropped meanwhile, if any.
fn write_out(
    mut sink: impl Write,
    lines: &Receiver<String>,
    counts: &Counts,
    dropped_line: fn(u64) -> String,
) {
    let mut next = lines.recv().ok();
    while let Some(line) = next {
        // One write of the whole line: a line is never cut by another.
        let _ = sink.write_all(line.as_bytes()).and_then(|()| sink.flush());
        let waiting = match lines.try_recv() {
            Ok(line) => Some(line),
            Err(TryRecvError::Empty) => {
                let dropped = counts.dropped.swap(0, Ordering::SeqCst);
                if dropped > 0 {
                    let _ = sink
                        .write_all(dropped_line(dropped).as_bytes())
                        .and_then(|()| sink.flush());
                }
                None
            }
            Err(TryRecvError::Disconnected) => None,
        };
        // Counted once what it leads to is out too, so `flush` waits for that line.
        *counts.written.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        counts.wrote.notify_all();
        next = waiting.or_else(|| lines.recv().ok());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::{Sender, channel};

    /// A sink that holds its first write until told to go on, and keeps what it got.
    struct Stuck {
        entered: Sender<()>,
        go_on: Receiver<()>,
        got: Arc<Mutex<String>>,
        held: bool,
    }

    impl Write for Stuck {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if !self.held {
                self.held = true;
                let _ = self.entered.send(());
                let _ = self.go_on.recv();
            }
            self.got
                .lock()
                .unwrap()
                .push_str(std::str::from_utf8(bytes).unwrap());
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_stuck_reader_never_blocks_and_the_dropped_lines_are_counted_once_it_drains() {
        let (entered, stuck) = channel();
        let (release, go_on) = channel();
        let got = Arc::new(Mutex::new(String::new()));
        let sink = Stuck {
            entered,
            go_on,
            got: Arc::clone(&got),
            held: false,
        };
        let writer = Writer::spawn(sink, 3, |count| format!("dropped {count}\n"));
        writer.send("line 0\n".to_owned());
        stuck.recv().unwrap();
        // The sink is stuck writing line 0: three lines wait, the other five are dropped,
        // and not one of these sends waits.
        for n in 1..=8 {
            writer.send(format!("line {n}\n"));
        }
        release.send(()).unwrap();
        assert!(writer.flush(Duration::from_secs(10)));
        writer.send("line 9\n".to_owned());
        assert!(writer.flush(Duration::from_secs(10)));
        assert_eq!(
            *got.lock().unwrap(),
            "line 0\nline 1\nline 2\nline 3\ndropped 5\nline 9\n"
        );
    }
}
