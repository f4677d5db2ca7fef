//! The class: who is connected and what the class is doing, changed only
//! by [`update`] (pure: times come in with the actions, nothing here reads
//! a clock or a socket). The SSH sessions and the teacher's screen send
//! [`ClassAction`]s and read this state to draw.

use std::collections::BTreeMap;

use crate::app::View;
use crate::app::quiz::{CHOICES, Question};

/// A student's number for this run of the server.
pub type StudentId = u64;

/// Seconds since the Unix epoch, as the caller's clock gave them.
pub type Time = u64;

#[derive(Debug, Clone, PartialEq)]
pub struct Student {
    pub id: StudentId,
    /// Sanitised and unique in the class (see `names`).
    pub name: String,
    pub connected: bool,
    /// Follows the teacher's lead while the teacher leads.
    pub following: bool,
    pub joined: Time,
    pub left: Option<Time>,
}

/// What the teacher's screen shows, for students to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lead {
    pub view: View,
    pub tour_step: usize,
}

/// One question of the live quiz, as asked.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    pub question: Question,
    pub asked: Time,
    /// Each student's first answer and when it came.
    pub answers: BTreeMap<StudentId, (usize, Time)>,
    pub revealed: bool,
}

impl Asked {
    /// How many chose each option.
    pub fn counts(&self) -> [usize; CHOICES] {
        let mut counts = [0; CHOICES];
        for (option, _) in self.answers.values() {
            if let Some(c) = counts.get_mut(*option) {
                *c += 1;
            }
        }
        counts
    }
}

/// A student's place on the stance map, on the dataset's first two axes
/// (each from -1 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub x: f64,
    pub y: f64,
    pub at: Time,
}

/// The class stance poll.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Poll {
    pub open: bool,
    pub opened: Time,
    pub places: BTreeMap<StudentId, Place>,
}

impl Poll {
    /// Points per quadrant: [upper left, upper right, lower left, lower
    /// right]; a point on an axis counts on the side of the higher value.
    pub fn quadrants(&self) -> [usize; 4] {
        let mut q = [0; 4];
        for p in self.places.values() {
            let i = usize::from(p.y < 0.0) * 2 + usize::from(p.x >= 0.0);
            q[i] += 1;
        }
        q
    }
}

/// What the class is doing at the moment, beyond browsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Browsing,
    /// Question N of the live quiz is up (answered or revealed).
    Question(usize),
    /// The score table after the quiz.
    Scores,
    Poll,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub students: Vec<Student>,
    /// Set while the teacher leads.
    pub lead: Option<Lead>,
    pub activity: Activity,
    /// Every question asked, in order.
    pub asked: Vec<Asked>,
    /// The latest poll, open or closed.
    pub poll: Option<Poll>,
    /// Names hidden on the teacher's screen (for the projector).
    pub hide_names: bool,
    /// The teacher ended the class.
    pub ended: bool,
    pub max_students: usize,
    /// Changes with every update, so that screens know to redraw.
    pub version: u64,
    /// Changes when an activity starts (a question, the scores, a poll, or
    /// back to browsing): a student who closed one overlay sees the next.
    pub round: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClassAction {
    Join {
        id: StudentId,
        name: String,
        at: Time,
    },
    Leave {
        id: StudentId,
        at: Time,
    },
    /// The teacher leads from this view and slide (sent again whenever
    /// the teacher's screen changes).
    Lead(Lead),
    StopLeading,
    /// A student pressed a key of their own: they browse alone.
    Browse(StudentId),
    /// A student follows the teacher again.
    Rejoin(StudentId),
    Ask {
        question: Question,
        at: Time,
    },
    Answer {
        id: StudentId,
        option: usize,
        at: Time,
    },
    Reveal,
    ShowScores,
    OpenPoll {
        at: Time,
    },
    Place {
        id: StudentId,
        x: f64,
        y: f64,
        at: Time,
    },
    ClosePoll,
    /// Back to browsing, the quiz or poll kept for the results.
    EndActivity,
    ToggleNames,
    End {
        at: Time,
    },
}

impl Class {
    pub fn new(max_students: usize) -> Class {
        Class {
            students: Vec::new(),
            lead: None,
            activity: Activity::Browsing,
            asked: Vec::new(),
            poll: None,
            hide_names: false,
            ended: false,
            max_students,
            version: 0,
            round: 0,
        }
    }

    pub fn connected(&self) -> impl Iterator<Item = &Student> {
        self.students.iter().filter(|s| s.connected)
    }

    pub fn connected_count(&self) -> usize {
        self.connected().count()
    }

    pub fn is_full(&self) -> bool {
        self.connected_count() >= self.max_students
    }

    pub fn student(&self, id: StudentId) -> Option<&Student> {
        self.students.iter().find(|s| s.id == id)
    }

    fn student_mut(&mut self, id: StudentId) -> Option<&mut Student> {
        self.students.iter_mut().find(|s| s.id == id)
    }

    /// The question on screen, if any.
    pub fn current_question(&self) -> Option<&Asked> {
        match self.activity {
            Activity::Question(n) => self.asked.get(n),
            _ => None,
        }
    }

    /// What a student should be shown of the teacher's lead: the lead,
    /// while the teacher leads and the student follows.
    pub fn lead_for(&self, id: StudentId) -> Option<Lead> {
        let s = self.student(id)?;
        self.lead.filter(|_| s.following)
    }

    /// Right answers per student over the revealed questions, best
    /// first, then by name; every student who ever joined is listed.
    pub fn scores(&self) -> Vec<(StudentId, usize, usize)> {
        let revealed: Vec<&Asked> = self.asked.iter().filter(|a| a.revealed).collect();
        let mut rows: Vec<(StudentId, usize, usize)> = self
            .students
            .iter()
            .map(|s| {
                let answered = revealed
                    .iter()
                    .filter(|a| a.answers.contains_key(&s.id))
                    .count();
                let right = revealed
                    .iter()
                    .filter(|a| {
                        a.answers
                            .get(&s.id)
                            .is_some_and(|(o, _)| *o == a.question.answer)
                    })
                    .count();
                (s.id, right, answered)
            })
            .collect();
        rows.sort_by(|a, b| {
            b.1.cmp(&a.1).then_with(|| {
                let name = |id| self.student(id).map(|s| s.name.as_str()).unwrap_or("");
                name(a.0).cmp(name(b.0))
            })
        });
        rows
    }
}

/// The one way the class changes.
pub fn update(class: &mut Class, action: ClassAction) {
    if class.ended && !matches!(action, ClassAction::End { .. }) {
        return;
    }
    class.version += 1;
    match action {
        ClassAction::Join { id, name, at } => join(class, id, name, at),
        ClassAction::Leave { id, at } => {
            if let Some(s) = class.student_mut(id) {
                s.connected = false;
                s.left = Some(at);
            }
        }
        ClassAction::Lead(lead) => start_lead(class, lead),
        ClassAction::StopLeading => class.lead = None,
        ClassAction::Browse(id) => {
            if let Some(s) = class.student_mut(id) {
                s.following = false;
            }
        }
        ClassAction::Rejoin(id) => {
            if let Some(s) = class.student_mut(id) {
                s.following = true;
            }
        }
        ClassAction::Ask { question, at } => ask(class, question, at),
        ClassAction::Answer { id, option, at } => answer(class, id, option, at),
        ClassAction::Reveal => {
            if let Activity::Question(n) = class.activity
                && let Some(asked) = class.asked.get_mut(n)
            {
                asked.revealed = true;
            }
        }
        ClassAction::ShowScores => {
            class.activity = Activity::Scores;
            class.round += 1;
        }
        ClassAction::OpenPoll { at } => open_poll(class, at),
        ClassAction::Place { id, x, y, at } => place(class, id, x, y, at),
        ClassAction::ClosePoll => {
            if let Some(poll) = class.poll.as_mut() {
                poll.open = false;
            }
        }
        ClassAction::EndActivity => {
            if let Some(poll) = class.poll.as_mut() {
                poll.open = false;
            }
            class.activity = Activity::Browsing;
            class.round += 1;
        }
        ClassAction::ToggleNames => class.hide_names = !class.hide_names,
        ClassAction::End { at } => end(class, at),
    }
}

/// A student joins (once: a second join of the same id changes nothing).
fn join(class: &mut Class, id: StudentId, name: String, at: Time) {
    if class.student(id).is_none() {
        class.students.push(Student {
            id,
            name,
            connected: true,
            following: true,
            joined: at,
            left: None,
        });
    }
}

/// The teacher leads, or moves on while leading.
fn start_lead(class: &mut Class, lead: Lead) {
    // Starting to lead brings everyone along; later updates of the
    // lead leave those who chose to browse alone.
    if class.lead.is_none() {
        for s in &mut class.students {
            s.following = true;
        }
    }
    class.lead = Some(lead);
}

/// The teacher asks a question: it is the activity of a new round.
fn ask(class: &mut Class, question: Question, at: Time) {
    class.asked.push(Asked {
        question,
        asked: at,
        answers: BTreeMap::new(),
        revealed: false,
    });
    class.activity = Activity::Question(class.asked.len() - 1);
    class.round += 1;
}

/// A connected student answers the open question.
fn answer(class: &mut Class, id: StudentId, option: usize, at: Time) {
    let known = class.student(id).is_some_and(|s| s.connected);
    if let Activity::Question(n) = class.activity
        && let Some(asked) = class.asked.get_mut(n)
        && known
        && option < asked.question.options.len()
        && !asked.revealed
    {
        // The first answer counts: no changing it once others'
        // answers show on the teacher's screen.
        asked.answers.entry(id).or_insert((option, at));
    }
}

/// The teacher opens a new poll: it is the activity of a new round.
fn open_poll(class: &mut Class, at: Time) {
    class.poll = Some(Poll {
        open: true,
        opened: at,
        places: BTreeMap::new(),
    });
    class.activity = Activity::Poll;
    class.round += 1;
}

/// A connected student places their point in the open poll.
fn place(class: &mut Class, id: StudentId, x: f64, y: f64, at: Time) {
    let known = class.student(id).is_some_and(|s| s.connected);
    if let Some(poll) = class.poll.as_mut()
        && poll.open
        && known
        && x.is_finite()
        && y.is_finite()
    {
        // A student may move their point while the poll is open.
        poll.places.insert(
            id,
            Place {
                x: x.clamp(-1.0, 1.0),
                y: y.clamp(-1.0, 1.0),
                at,
            },
        );
    }
}

/// The class ends: no one leads, everyone still connected leaves.
fn end(class: &mut Class, at: Time) {
    class.ended = true;
    class.lead = None;
    for s in &mut class.students {
        if s.connected {
            s.connected = false;
            s.left = Some(at);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn question(answer: usize) -> Question {
        Question {
            kind: crate::quiz::Kind::Who,
            prompt: crate::quiz::Prompt::Quote {
                text: "words".into(),
                fragment: false,
            },
            options: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            answer,
            explanation: Vec::new(),
            citation: String::new(),
            recap: String::new(),
            quote: Some(0),
            item: String::new(),
        }
    }

    fn class_of(names: &[&str]) -> Class {
        let mut c = Class::new(60);
        for (i, n) in names.iter().enumerate() {
            update(
                &mut c,
                ClassAction::Join {
                    id: i as u64,
                    name: n.to_string(),
                    at: 100,
                },
            );
        }
        c
    }

    #[test]
    fn students_follow_the_lead_until_they_browse_and_can_rejoin() {
        let mut c = class_of(&["ada", "bo"]);
        assert_eq!(c.lead_for(0), None, "no lead yet");
        let lead = Lead {
            view: View::Tour,
            tour_step: 3,
        };
        update(&mut c, ClassAction::Lead(lead));
        assert_eq!(c.lead_for(0), Some(lead));
        update(&mut c, ClassAction::Browse(0));
        assert_eq!(c.lead_for(0), None);
        assert_eq!(c.lead_for(1), Some(lead));
        // A new slide does not pull back who browses alone...
        let next = Lead {
            tour_step: 4,
            ..lead
        };
        update(&mut c, ClassAction::Lead(next));
        assert_eq!(c.lead_for(0), None);
        // ...until they rejoin.
        update(&mut c, ClassAction::Rejoin(0));
        assert_eq!(c.lead_for(0), Some(next));
        // Leading again after a stop brings everyone back.
        update(&mut c, ClassAction::Browse(1));
        update(&mut c, ClassAction::StopLeading);
        assert_eq!(c.lead_for(0), None);
        update(&mut c, ClassAction::Lead(lead));
        assert_eq!(c.lead_for(1), Some(lead));
    }

    #[test]
    fn the_first_answer_counts_and_only_until_the_reveal() {
        let mut c = class_of(&["ada", "bo", "cy"]);
        update(
            &mut c,
            ClassAction::Answer {
                id: 0,
                option: 1,
                at: 1,
            },
        );
        assert!(c.asked.is_empty(), "no question: the answer is dropped");
        update(
            &mut c,
            ClassAction::Ask {
                question: question(2),
                at: 110,
            },
        );
        for (id, option) in [(0, 2), (0, 1), (1, 3), (2, 9)] {
            update(
                &mut c,
                ClassAction::Answer {
                    id,
                    option,
                    at: 111,
                },
            );
        }
        let asked = c.current_question().unwrap();
        assert_eq!(asked.counts(), [0, 0, 1, 1], "first answer kept, 9 refused");
        update(&mut c, ClassAction::Reveal);
        update(
            &mut c,
            ClassAction::Answer {
                id: 2,
                option: 2,
                at: 112,
            },
        );
        assert_eq!(c.current_question().unwrap().answers.len(), 2);
        assert_eq!(c.scores(), [(0, 1, 1), (1, 0, 1), (2, 0, 0)]);
    }

    #[test]
    fn unrevealed_questions_do_not_score_and_ties_go_by_name() {
        let mut c = class_of(&["zoe", "al"]);
        update(
            &mut c,
            ClassAction::Ask {
                question: question(0),
                at: 1,
            },
        );
        update(
            &mut c,
            ClassAction::Answer {
                id: 0,
                option: 0,
                at: 2,
            },
        );
        assert_eq!(c.scores(), [(1, 0, 0), (0, 0, 0)]);
        update(&mut c, ClassAction::Reveal);
        update(
            &mut c,
            ClassAction::Ask {
                question: question(1),
                at: 3,
            },
        );
        update(
            &mut c,
            ClassAction::Answer {
                id: 1,
                option: 1,
                at: 4,
            },
        );
        update(&mut c, ClassAction::Reveal);
        assert_eq!(c.scores(), [(1, 1, 1), (0, 1, 1)]);
    }

    #[test]
    fn poll_places_move_while_open_and_count_per_quadrant() {
        let mut c = class_of(&["a", "b", "c", "d"]);
        let place = |c: &mut Class, id, x, y| update(c, ClassAction::Place { id, x, y, at: 5 });
        place(&mut c, 0, 0.5, 0.5);
        assert!(c.poll.is_none(), "no poll: nothing placed");
        update(&mut c, ClassAction::OpenPoll { at: 4 });
        place(&mut c, 0, 0.5, 0.5);
        place(&mut c, 0, -0.5, 0.5);
        place(&mut c, 1, 0.0, 0.0);
        place(&mut c, 2, -3.0, -0.2);
        place(&mut c, 3, f64::NAN, 0.0);
        let poll = c.poll.clone().unwrap();
        assert_eq!(poll.places.len(), 3, "NaN refused");
        assert_eq!(poll.places[&2].x, -1.0, "clamped");
        assert_eq!(poll.quadrants(), [1, 1, 1, 0]);
        update(&mut c, ClassAction::ClosePoll);
        place(&mut c, 3, 0.9, -0.9);
        assert_eq!(c.poll.as_ref().unwrap().places.len(), 3, "closed");
    }

    #[test]
    fn who_left_cannot_answer_and_the_end_freezes_the_class() {
        let mut c = class_of(&["a", "b"]);
        update(&mut c, ClassAction::Leave { id: 1, at: 9 });
        assert_eq!(c.connected_count(), 1);
        update(
            &mut c,
            ClassAction::Ask {
                question: question(0),
                at: 10,
            },
        );
        update(
            &mut c,
            ClassAction::Answer {
                id: 1,
                option: 0,
                at: 11,
            },
        );
        assert!(c.current_question().unwrap().answers.is_empty());
        update(&mut c, ClassAction::End { at: 12 });
        let frozen = c.clone();
        update(&mut c, ClassAction::Reveal);
        assert_eq!(c, frozen);
        assert_eq!(c.connected_count(), 0);
        assert_eq!(c.students[0].left, Some(12));
    }

    #[test]
    fn the_class_is_full_at_its_maximum() {
        let mut c = Class::new(2);
        for id in 0..2 {
            update(
                &mut c,
                ClassAction::Join {
                    id,
                    name: format!("s{id}"),
                    at: 0,
                },
            );
        }
        assert!(c.is_full());
        update(&mut c, ClassAction::Leave { id: 0, at: 1 });
        assert!(!c.is_full());
    }
}
