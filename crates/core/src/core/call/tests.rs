//! The call without a terminal: every intent, each way a call ends, and a live shared
//! session as each side's subscriber hears it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};

use super::*;
use crate::core::live::{Joined, Lobby, Subscriber};
use crate::core::typed_answer::Confirm;
use crate::fixtures::{self, TYPED, WIZARD};
use crate::handoff::Code;
use crate::session::Author;

/// What a stopped walk says, with the local program's remedies.
const RESUME_HINT: &str = "The session is saved; continue it with: signin-doctor --resume";

/// Records in `dir`: saves in `dir/state/NAME`, the log and the transcript beside them.
fn options(dir: &Path, name: &str) -> RecordOptions {
    RecordOptions {
        state_dir: Some(dir.join("state").join(name)),
        log: Some(dir.join("log.jsonl")),
        transcript: Some(dir.join(format!("{name}.md"))),
        keep_days: 30,
        remedies: fixtures::REMEDIES,
        ..RecordOptions::default()
    }
}

/// A new call on `yaml` keeping its records as `options` says.
fn call(yaml: &str, options: RecordOptions) -> Call {
    Call::recorded(fixtures::session(yaml), Lang::En, options)
}

/// How many moves the call's save holds.
fn saved_moves(call: &Call) -> usize {
    let path = call.records().autosave_path().expect("a save file");
    crate::autosave::read_save(path).expect("saved").moves.len()
}

fn log(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("log.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
    found
}

#[test]
fn every_intent_changes_the_session_as_asked_and_each_change_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut call = call(WIZARD, options(dir.path(), "a"));
    let second = call.session().flow().find("second").unwrap();

    assert_eq!(call.apply(Intent::Pick(0)), Applied::only(Change::Moved));
    assert_eq!(saved_moves(&call), 1);
    assert_eq!(
        call.apply(Intent::Pick(9)).change,
        Change::Refused(Refusal::NotHere(SessionError::NoSuchOption {
            given: 9,
            count: 2
        }))
    );
    assert!(call.apply(Intent::Back).moved());
    assert_eq!(saved_moves(&call), 0);
    assert_eq!(
        call.apply(Intent::Back).change,
        Change::Refused(Refusal::AtStart)
    );

    let noted = call.apply(Intent::Note("pwd=hunter2 read out".into(), Author::Agent));
    assert_eq!(noted.change, Change::Noted);
    assert!(
        noted.notices[0].text.starts_with("Note added."),
        "{noted:?}"
    );
    assert!(
        !call.session().notes()[0].text.contains("hunter2"),
        "masked"
    );
    assert_eq!(
        call.apply(Intent::Note("   ".into(), Author::Agent)).change,
        Change::Refused(Refusal::EmptyNote)
    );

    assert!(call.apply(Intent::Jump(second)).moved());
    assert_eq!(call.session().current(), second);
    assert_eq!(
        call.apply(Intent::Jump(second)).change,
        Change::Refused(Refusal::AlreadyThere)
    );
    assert!(call.apply(Intent::Restart).moved());
    assert!(call.session().path().is_empty());
    assert_eq!(saved_moves(&call), 0);

    let saved = call.apply(Intent::SaveTranscript);
    assert_eq!(saved.change, Change::Nothing);
    assert!(saved.notices[0].text.contains("a.md"), "{saved:?}");
    assert!(dir.path().join("a.md").is_file());

    // Hand-off and sharing belong to a served partner's call.
    assert_eq!(
        call.apply(Intent::HandOff).change,
        Change::Refused(Refusal::NoHandOff)
    );
    assert_eq!(
        call.apply(Intent::EndSharing).change,
        Change::Refused(Refusal::NotSharing)
    );
    assert!(!call.failed());
}

#[test]
fn a_typed_answer_is_asked_about_once_and_an_over_long_one_is_cut_with_a_notice() {
    let mut call = Call::unrecorded(fixtures::session(TYPED), Lang::En);
    call.apply(Intent::Pick(0));
    assert_eq!(
        call.apply(Intent::Type(String::new())).change,
        Change::Asking(Confirm::Empty)
    );
    assert_eq!(call.asking(), Some(&Confirm::Empty));
    assert!(call.apply(Intent::Type(String::new())).moved());
    assert_eq!(call.session().node().key, "done");

    call.apply(Intent::Back);
    let asked = call.apply(Intent::Type("SSPR_009".into()));
    assert!(matches!(
        asked.change,
        Change::Asking(Confirm::Suggest { .. })
    ));
    // Declining goes on with what was typed: "otherwise".
    assert!(call.apply(Intent::Decline).moved());
    assert_eq!(call.session().node().key, "done");
    assert_eq!(
        call.apply(Intent::Decline),
        Applied::nothing(),
        "nothing asked"
    );

    call.apply(Intent::Back);
    let long = "5".repeat(crate::session::MAX_TYPED_CHARS + 10);
    let cut = call.apply(Intent::Type(long));
    assert_eq!(cut.notices[0].text, words(Lang::En).typed_cut);
}

#[test]
fn each_way_a_call_ends_follows_the_one_rule() {
    // Finished: logged, the save removed.
    let dir = tempfile::tempdir().unwrap();
    let mut finished = call(WIZARD, options(dir.path(), "f"));
    finished.apply(Intent::Pick(2));
    finished.end(End::Finished);
    assert!(log(dir.path())[0].contains("\"abandoned\":false"));
    assert!(files(dir.path()).is_empty());

    // Quit with a note: logged as abandoned, the notes set aside.
    let dir = tempfile::tempdir().unwrap();
    let mut quit = call(WIZARD, options(dir.path(), "q"));
    quit.apply(Intent::Pick(0));
    quit.apply(Intent::Note("caller on a train".into(), Author::Agent));
    quit.end(End::Quit);
    assert!(log(dir.path())[0].contains("\"abandoned\":true"));
    let kept = files(dir.path());
    assert!(kept[0].to_string_lossy().ends_with(".abandoned.json"));

    // Interrupted or its terminal gone: kept for --resume, nothing logged.
    for how in [End::Interrupted, End::TerminalGone] {
        let dir = tempfile::tempdir().unwrap();
        let mut stopped = call(WIZARD, options(dir.path(), "s"));
        stopped.apply(Intent::Pick(0));
        let said = stopped.end(how);
        assert_eq!(said[0].text, RESUME_HINT, "{how:?}");
        assert!(log(dir.path()).is_empty(), "{how:?}");
        let kept = files(dir.path());
        assert!(
            kept.len() == 1 && !kept[0].to_string_lossy().contains("abandoned"),
            "{how:?}: {kept:?}"
        );
    }
}

/// A subscriber that puts what it hears in a channel.
fn listener() -> (Subscriber, Receiver<LiveEvent>) {
    let (to, from) = channel();
    let to = Mutex::new(to);
    let hear: Subscriber = Box::new(move |event| {
        let _ = to.lock().unwrap().send(event);
    });
    (hear, from)
}

/// A served partner's call (saves under `root/state/partner`) and the agent who joined
/// it with its code, each with what it hears of the other.
struct Pair {
    partner: Call,
    agent: Call,
    partner_hears: Receiver<LiveEvent>,
    agent_hears: Receiver<LiveEvent>,
}

fn pair(root: &Path) -> Pair {
    let lobby = Lobby::new(Some(root.to_owned()));
    let (partner_sub, partner_hears) = listener();
    let partner = call(WIZARD, options(root, "partner"));
    let seat = lobby.open(partner.session(), partner_sub);
    let mut partner = partner.sharing(seat);
    assert_eq!(partner.side(), Some(Side::Partner));
    partner.apply(Intent::Pick(0));
    let Change::CodeGiven(code) = partner.apply(Intent::HandOff).change else {
        panic!("a served partner gets a code");
    };
    assert_eq!(
        partner.apply(Intent::HandOff).change,
        Change::CodeGiven(code.clone()),
        "asked again, the same code"
    );
    let code = Code::parse(&code).unwrap();
    let (agent_sub, agent_hears) = listener();
    let Joined::Live { session, seat } = lobby.join(&code, agent_sub).unwrap() else {
        panic!("the partner is connected: live");
    };
    let agent = Call::joined(session, Lang::En, seat, options(root, "agent"));
    Pair {
        partner,
        agent,
        partner_hears,
        agent_hears,
    }
}

/// Passes on everything `hears` has to `call`; gives what each came to.
fn take_all(call: &mut Call, hears: &Receiver<LiveEvent>) -> Vec<Applied> {
    hears.try_iter().map(|event| call.take(event)).collect()
}

#[test]
fn a_live_subscriber_hears_every_change_and_the_agent_keeps_the_call_when_sharing_ends() {
    let dir = tempfile::tempdir().unwrap();
    let Pair {
        mut partner,
        mut agent,
        partner_hears,
        agent_hears,
    } = pair(dir.path());
    // The partner hears of the join (the hand-off recorded) and of the agent.
    let heard = take_all(&mut partner, &partner_hears);
    assert_eq!(
        heard.last().unwrap().change,
        Change::Sharing(Presence::AgentJoined)
    );
    assert!(partner.agent_present());
    assert_eq!(partner.session().hand_offs().len(), 1);
    assert_eq!(
        partner.apply(Intent::HandOff).change,
        Change::Refused(Refusal::NoHandOff),
        "one agent at a time"
    );

    // The partner answers: the agent follows.
    partner.apply(Intent::Pick(0));
    let heard = take_all(&mut agent, &agent_hears);
    assert!(heard[0].moved());
    assert_eq!(agent.session().current(), partner.session().current());
    // The agent writes a note and goes back: the partner follows, and saves both.
    agent.apply(Intent::Note("caller on a train".into(), Author::Agent));
    agent.apply(Intent::Back);
    let heard = take_all(&mut partner, &partner_hears);
    assert_eq!(heard.len(), 2);
    assert_eq!(heard[0].change, Change::Nothing, "a note moves nothing");
    assert!(heard[1].moved());
    assert_eq!(partner.session().notes().len(), 1);
    assert_eq!(saved_moves(&partner), 1);

    // Both change at once: the later gives way and ends up where the other is.
    partner.apply(Intent::Pick(1));
    let gave_way = agent.apply(Intent::Pick(0));
    assert!(gave_way.moved());
    assert!(
        gave_way.notices[0]
            .text
            .contains("changed the session first"),
        "{gave_way:?}"
    );
    take_all(&mut agent, &agent_hears);
    assert_eq!(agent.session().current(), partner.session().current());
    assert!(take_all(&mut partner, &partner_hears).is_empty());

    // The partner stops sharing: the agent goes on alone, with the note, saved.
    let ended = partner.apply(Intent::EndSharing);
    assert_eq!(ended.change, Change::Sharing(Presence::AgentLeft));
    let heard = take_all(&mut agent, &agent_hears);
    assert_eq!(heard[0].change, Change::Sharing(Presence::SharingEnded));
    assert!(heard[0].notices[0].text.contains("carry on alone"));
    assert_eq!(agent.side(), None);
    assert_eq!(agent.session().notes().len(), 1);
    assert_eq!(saved_moves(&agent), 2, "in the agent's own save");
    assert!(agent.apply(Intent::Back).moved());
    assert!(agent.apply(Intent::Pick(0)).moved());
    assert!(partner_hears.try_recv().is_err(), "no longer shared");
    assert_eq!(agent.session().node().key, "done");
    agent.end(End::Finished);
    partner.end(End::Quit);
    let logged = log(dir.path());
    assert_eq!(logged.len(), 2, "two walks now: {logged:?}");
    assert!(logged.iter().any(|l| l.contains("\"notes\":1")));
}

#[test]
fn a_partner_who_leaves_hands_the_call_and_its_records_to_the_agent() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = pair(dir.path());
    take_all(&mut p.partner, &p.partner_hears);
    p.agent
        .apply(Intent::Note("caller on a train".into(), Author::Agent));
    take_all(&mut p.partner, &p.partner_hears);

    // The partner's terminal goes away: handed over, not kept for the partner.
    let said = p.partner.end(End::TerminalGone);
    assert_eq!(said[0].text, sharing_words(Lang::En).agent_carries_on);
    let heard = take_all(&mut p.agent, &p.agent_hears);
    assert_eq!(heard[0].change, Change::Sharing(Presence::PartnerLeft));
    let save = p.agent.records().autosave_path().unwrap().to_owned();
    assert!(save.starts_with(dir.path().join("state").join("partner")));
    p.agent.apply(Intent::Pick(1));
    p.agent.end(End::Finished);
    let logged = log(dir.path());
    assert_eq!(logged.len(), 1, "one call, logged once: {logged:?}");
    assert!(logged[0].contains("\"notes\":1"), "{}", logged[0]);
    assert!(!save.exists(), "the finished call's save is gone");
}

#[test]
fn the_server_ending_a_shared_session_keeps_it_for_the_partner() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = pair(dir.path());
    take_all(&mut p.partner, &p.partner_hears);
    let save = p.partner.records().autosave_path().unwrap().to_owned();
    // Interrupted (the server stops): not handed over, the partner's save stays.
    let said = p.partner.end(End::Interrupted);
    assert_eq!(said[0].text, RESUME_HINT);
    let heard = take_all(&mut p.agent, &p.agent_hears);
    assert_eq!(heard[0].change, Change::Sharing(Presence::PartnerLeft));
    assert!(save.is_file());
    assert!(log(dir.path()).is_empty(), "kept, not logged");
}
