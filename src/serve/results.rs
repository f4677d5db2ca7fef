//! The class's results, for `--results FILE`: who joined, each question
//! with every student's answer, and the poll's positions, with times
//! (seconds since the Unix epoch). JSON keeps the structure; CSV has one
//! row per event, for a spreadsheet.

use std::io;
use std::path::Path;

use serde::Serialize;

use super::class::{Class, StudentId};
use crate::data::Dataset;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub students: Vec<StudentRow>,
    pub questions: Vec<QuestionRow>,
    pub poll: Option<PollRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudentRow {
    pub name: String,
    pub joined: u64,
    pub left: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionRow {
    pub number: usize,
    pub quote: String,
    /// The actor ids offered, in order a to d.
    pub options: Vec<String>,
    pub answer: String,
    pub asked: u64,
    pub revealed: bool,
    pub answers: Vec<AnswerRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerRow {
    pub student: String,
    pub chose: String,
    pub right: bool,
    pub at: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PollRow {
    pub opened: u64,
    pub x_axis: String,
    pub y_axis: String,
    pub places: Vec<PlaceRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceRow {
    pub student: String,
    pub x: f64,
    pub y: f64,
    pub at: u64,
}

impl Results {
    pub fn of(class: &Class, d: &Dataset) -> Results {
        let name = |id: StudentId| {
            class
                .student(id)
                .map_or_else(|| format!("#{id}"), |s| s.name.clone())
        };
        let questions = class
            .asked
            .iter()
            .enumerate()
            .map(|(i, a)| QuestionRow {
                number: i + 1,
                quote: a
                    .question
                    .quote
                    .and_then(|i| d.quotes.get(i))
                    .map(|q| q.id.to_string())
                    .unwrap_or_default(),
                options: a.question.options.clone(),
                answer: a
                    .question
                    .options
                    .get(a.question.answer)
                    .cloned()
                    .unwrap_or_default(),
                asked: a.asked,
                revealed: a.revealed,
                answers: a
                    .answers
                    .iter()
                    .map(|(id, (option, at))| AnswerRow {
                        student: name(*id),
                        chose: a.question.options.get(*option).cloned().unwrap_or_default(),
                        right: *option == a.question.answer,
                        at: *at,
                    })
                    .collect(),
            })
            .collect();
        let poll = class.poll.as_ref().map(|p| PollRow {
            opened: p.opened,
            x_axis: d.axes.first().map(|a| a.id.clone()).unwrap_or_default(),
            y_axis: d.axes.get(1).map(|a| a.id.clone()).unwrap_or_default(),
            places: p
                .places
                .iter()
                .map(|(id, pl)| PlaceRow {
                    student: name(*id),
                    x: pl.x,
                    y: pl.y,
                    at: pl.at,
                })
                .collect(),
        });
        Results {
            students: class
                .students
                .iter()
                .map(|s| StudentRow {
                    name: s.name.clone(),
                    joined: s.joined,
                    left: s.left,
                })
                .collect(),
            questions,
            poll,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// One row per event: `record` is joined, question, answer or place.
    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
            "record", "question", "quote", "student", "answer", "right", "x", "y", "time",
        ]);
        let cell = |s: &str| spreadsheet_safe(s);
        for s in &self.students {
            let _ = w.write_record([
                "joined",
                "",
                "",
                &cell(&s.name),
                "",
                "",
                "",
                "",
                &s.joined.to_string(),
            ]);
        }
        for q in &self.questions {
            let n = q.number.to_string();
            let _ = w.write_record([
                "question",
                &n,
                &q.quote,
                "",
                &q.answer,
                "",
                "",
                "",
                &q.asked.to_string(),
            ]);
            for a in &q.answers {
                let _ = w.write_record([
                    "answer",
                    &n,
                    &q.quote,
                    &cell(&a.student),
                    &a.chose,
                    if a.right { "yes" } else { "no" },
                    "",
                    "",
                    &a.at.to_string(),
                ]);
            }
        }
        if let Some(p) = &self.poll {
            for pl in &p.places {
                let _ = w.write_record([
                    "place",
                    "",
                    "",
                    &cell(&pl.student),
                    "",
                    "",
                    &format!("{:.1}", pl.x),
                    &format!("{:.1}", pl.y),
                    &pl.at.to_string(),
                ]);
            }
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// Write as the file's extension says: `.json`, else CSV.
    pub fn write(&self, path: &Path) -> io::Result<()> {
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let text = if json { self.to_json() } else { self.to_csv() };
        // Whole or not at all: a crash mid-write keeps the last results.
        let tmp = path.with_extension("partial");
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, path)
    }
}

/// Whether `--results` names a file this can write.
pub fn check_path(path: &Path) -> Result<(), String> {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("json") => Ok(()),
        _ => Err(format!(
            "--results {}: name a .csv or a .json file",
            path.display()
        )),
    }
}

/// A student's name as a spreadsheet cell: one starting with = + - @
/// would be read as a formula, so it is quoted with an apostrophe.
fn spreadsheet_safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::quiz::Question;
    use crate::serve::class::{ClassAction, update};

    #[test]
    fn every_answer_and_place_is_in_both_formats() {
        let d = crate::data::load(None).unwrap().checked.dataset.unwrap();
        let mut c = Class::new(60);
        for (id, name) in [(1, "ada"), (2, "=cmd")] {
            update(
                &mut c,
                ClassAction::Join {
                    id,
                    name: name.into(),
                    at: 10,
                },
            );
        }
        let options: Vec<String> = d.actors.iter().take(4).map(|a| a.id.clone()).collect();
        update(
            &mut c,
            ClassAction::Ask {
                question: Question {
                    quote: Some(0),
                    options: options.clone(),
                    answer: 1,
                    ..crate::serve::class::tests::question(1)
                },
                at: 20,
            },
        );
        update(
            &mut c,
            ClassAction::Answer {
                id: 1,
                option: 1,
                at: 21,
            },
        );
        update(
            &mut c,
            ClassAction::Answer {
                id: 2,
                option: 0,
                at: 22,
            },
        );
        update(&mut c, ClassAction::Reveal);
        update(&mut c, ClassAction::OpenPoll { at: 30 });
        update(
            &mut c,
            ClassAction::Place {
                id: 1,
                x: 0.5,
                y: -0.2,
                at: 31,
            },
        );
        let r = Results::of(&c, &d);
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(json["questions"][0]["answers"].as_array().unwrap().len(), 2);
        assert_eq!(json["questions"][0]["answer"], options[1].as_str());
        assert_eq!(json["poll"]["places"][0]["x"], 0.5);
        let csv = r.to_csv();
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows.len(), 1 + 2 + 1 + 2 + 1, "{csv}");
        assert!(csv.contains(&format!(
            "answer,1,{},ada,{},yes",
            d.quotes[0].id, options[1]
        )));
        assert!(
            csv.contains("'=cmd"),
            "a formula-like name is quoted: {csv}"
        );
        assert!(csv.contains("place,,,ada,,,0.5,-0.2,31"));
        assert!(check_path(Path::new("x.CSV")).is_ok());
        assert!(check_path(Path::new("x.txt")).is_err());
    }
}
