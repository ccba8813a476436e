//! Undo and redo.
//!
//! The history is two stacks of [`Edit`]s. Applying an edit pushes it on the
//! undo stack and clears the redo stack; undo applies the inverse of the top
//! edit and moves it to the redo stack; redo moves it back. Because every
//! edit carries the complete values it adds and removes, the inverse is
//! exact: undoing N edits returns the set to the very state it had, ids and
//! timestamps included.
//!
//! Each recorded edit gets a serial number, and the state after it is named
//! by that number ([`History::revision`]). Comparing the current revision with
//! the one saved tells whether there are unsaved changes, also after undoing
//! back to the saved state.
//!
//! Edits that continue one another, such as the keystrokes of one note,
//! can be folded into one step ([`History::apply_folded`]): one undo then
//! reverts them all. The folded step gets a new revision, because the set
//! is no longer the one a save of the earlier revision wrote.
//!
//! Limitation: the history is linear. Making a new edit after some undos
//! discards the undone edits, as in most desktop editors.

use super::set::{AnnotationSet, Edit, EditError};

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<(u64, Edit)>,
    redo: Vec<(u64, Edit)>,
    serial: u64,
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies `edit` to `set` and records it. A refused edit is not
    /// recorded and leaves the set unchanged.
    pub fn apply(
        &mut self,
        set: &mut AnnotationSet,
        edit: Edit,
        text: &str,
    ) -> Result<(), EditError> {
        set.apply(&edit, text)?;
        self.serial += 1;
        self.undo.push((self.serial, edit));
        self.redo.clear();
        Ok(())
    }

    /// Applies `edit` and folds it into the last recorded step when it
    /// continues it: a `Replace` whose `before` is the last `Replace`'s
    /// `after`. One undo then reverts both. Any other edit is recorded as
    /// by [`History::apply`].
    pub fn apply_folded(
        &mut self,
        set: &mut AnnotationSet,
        edit: Edit,
        text: &str,
    ) -> Result<(), EditError> {
        let Edit::Replace { before, after } = &edit else {
            return self.apply(set, edit, text);
        };
        match self.undo.last_mut() {
            // Back to what the step started from (a note typed and erased
            // again): the step is taken back whole, so the set is exactly
            // as before it, with the revision it had then.
            Some((
                _,
                Edit::Replace {
                    before: first,
                    after: last,
                },
            )) if last == before && first.with_modified(after.modified) == *after => {
                let back = Edit::Replace {
                    before: last.clone(),
                    after: first.clone(),
                };
                set.apply(&back, text)?;
                self.undo.pop();
                self.redo.clear();
                Ok(())
            }
            Some((serial, Edit::Replace { after: last, .. })) if last == before => {
                set.apply(&edit, text)?;
                self.serial += 1;
                *serial = self.serial;
                *last = after.clone();
                self.redo.clear();
                Ok(())
            }
            _ => self.apply(set, edit, text),
        }
    }

    /// Undoes the last edit. Returns `false` when there is nothing to undo.
    pub fn undo(&mut self, set: &mut AnnotationSet, text: &str) -> Result<bool, EditError> {
        let Some((serial, edit)) = self.undo.pop() else {
            return Ok(false);
        };
        if let Err(error) = set.apply(&edit.inverse(), text) {
            self.undo.push((serial, edit));
            return Err(error);
        }
        self.redo.push((serial, edit));
        Ok(true)
    }

    /// Redoes the last undone edit. Returns `false` when there is nothing to
    /// redo.
    pub fn redo(&mut self, set: &mut AnnotationSet, text: &str) -> Result<bool, EditError> {
        let Some((serial, edit)) = self.redo.pop() else {
            return Ok(false);
        };
        if let Err(error) = set.apply(&edit, text) {
            self.redo.push((serial, edit));
            return Err(error);
        }
        self.undo.push((serial, edit));
        Ok(true)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Names the current state: equal revisions mean equal sets.
    pub fn revision(&self) -> u64 {
        self.undo.last().map_or(0, |(serial, _)| *serial)
    }

    /// The edit the next undo would revert.
    pub fn last_edit(&self) -> Option<&Edit> {
        self.undo.last().map(|(_, edit)| edit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Annotation, Span, Tag};
    use jiff::Timestamp;
    use proptest::prelude::*;

    const TEXT: &str = "Some 6,700 people were arrested, police said on «Sunday».";

    /// A random operation on the set, resolved against its current state.
    #[derive(Debug, Clone)]
    enum Op {
        Add { tag: usize, a: usize, b: usize },
        Remove(usize),
        Retag(usize, usize),
        Note(usize, String),
        Move(usize, usize, usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        let n = TEXT.chars().count();
        prop_oneof![
            (0..4usize, 0..n, 0..n).prop_map(|(tag, a, b)| Op::Add { tag, a, b }),
            (0..64usize).prop_map(Op::Remove),
            (0..64usize, 0..4usize).prop_map(|(i, t)| Op::Retag(i, t)),
            (0..64usize, "[a-zé ]{0,12}").prop_map(|(i, s)| Op::Note(i, s)),
            (0..64usize, 0..n, 0..n).prop_map(|(i, a, b)| Op::Move(i, a, b)),
        ]
    }

    fn span_of_chars(a: usize, b: usize) -> Span {
        let byte = |c: usize| TEXT.char_indices().nth(c).map_or(TEXT.len(), |(b, _)| b);
        Span::new(byte(a.min(b)), byte(a.max(b) + 1))
    }

    fn to_edit(op: &Op, set: &mut AnnotationSet, step: i64) -> Option<Edit> {
        let now = Timestamp::from_second(step).unwrap();
        let pick = |i: usize| set.annotations().get(i % set.len().max(1)).cloned();
        Some(match op {
            Op::Add { tag, a, b } => {
                let id = set.allocate_id();
                Edit::Add(Annotation::new(
                    id,
                    Tag::ALL[*tag],
                    span_of_chars(*a, *b),
                    TEXT,
                    now,
                ))
            }
            Op::Remove(i) => Edit::Remove(pick(*i)?),
            Op::Retag(i, t) => {
                let before = pick(*i)?;
                let after = before.retagged(Tag::ALL[*t], now);
                Edit::Replace { before, after }
            }
            Op::Note(i, note) => {
                let before = pick(*i)?;
                let after = before.with_note(note.clone(), now);
                Edit::Replace { before, after }
            }
            Op::Move(i, a, b) => {
                let before = pick(*i)?;
                let after = before.moved(span_of_chars(*a, *b), TEXT, now);
                Edit::Replace { before, after }
            }
        })
    }

    #[test]
    fn folded_note_edits_undo_in_one_step_under_a_new_revision() {
        let mut set = AnnotationSet::new();
        let mut history = History::new();
        let now = Timestamp::from_second(0).unwrap();
        let id = set.allocate_id();
        let added = Annotation::new(id, Tag::Figure, span_of_chars(5, 9), TEXT, now);
        history
            .apply(&mut set, Edit::Add(added.clone()), TEXT)
            .unwrap();
        let mut note = String::new();
        let mut revisions = vec![history.revision()];
        for c in "disputed".chars() {
            let before = set.get(id).unwrap().clone();
            note.push(c);
            let after = before.with_note(note.clone(), now);
            history
                .apply_folded(&mut set, Edit::Replace { before, after }, TEXT)
                .unwrap();
            revisions.push(history.revision());
        }
        assert_eq!(set.get(id).unwrap().note, "disputed");
        // Every keystroke is a new state, never one saved before.
        let mut unique = revisions.clone();
        unique.dedup();
        assert_eq!(unique.len(), revisions.len());
        assert!(history.undo(&mut set, TEXT).unwrap());
        assert_eq!(set.get(id), Some(&added));
        assert!(history.redo(&mut set, TEXT).unwrap());
        assert_eq!(set.get(id).unwrap().note, "disputed");
        // Typed back to what the step started from: no step, the revision
        // from before it.
        let before = set.get(id).unwrap().clone();
        let after = before.with_note(String::new(), now);
        history
            .apply_folded(&mut set, Edit::Replace { before, after }, TEXT)
            .unwrap();
        assert_eq!(history.revision(), revisions[0]);
        assert_eq!(set.get(id), Some(&added));
        assert!(history.redo(&mut set, TEXT).is_ok_and(|done| !done));
        let before = set.get(id).unwrap().clone();
        let after = before.with_note("disputed".to_owned(), now);
        history
            .apply_folded(&mut set, Edit::Replace { before, after }, TEXT)
            .unwrap();
        // An edit that does not continue the last one is a step of its own.
        let noted = set.get(id).unwrap().clone();
        history
            .apply_folded(&mut set, Edit::Remove(noted.clone()), TEXT)
            .unwrap();
        assert!(history.undo(&mut set, TEXT).unwrap());
        assert_eq!(set.get(id), Some(&noted));
        assert!(history.undo(&mut set, TEXT).unwrap());
        assert_eq!(set.get(id), Some(&added));
    }

    proptest! {
        #[test]
        fn undoing_every_edit_restores_the_start_and_redoing_restores_the_end(
            ops in prop::collection::vec(op(), 0..40)
        ) {
            let mut set = AnnotationSet::new();
            let mut history = History::new();
            let start = set.annotations().to_vec();
            let mut applied = 0;
            for (step, op) in ops.iter().enumerate() {
                if let Some(edit) = to_edit(op, &mut set, step as i64)
                    && history.apply(&mut set, edit, TEXT).is_ok()
                {
                    applied += 1;
                }
            }
            let end = set.annotations().to_vec();
            let end_revision = history.revision();
            // The indexes kept beside the list agree with it.
            let mut counts = [0; 4];
            for a in &end {
                counts[a.tag.index()] += 1;
                prop_assert_eq!(set.get(a.id), Some(a));
            }
            prop_assert_eq!(set.counts(), counts);
            for _ in 0..applied {
                prop_assert!(history.undo(&mut set, TEXT).unwrap());
            }
            prop_assert!(!history.undo(&mut set, TEXT).unwrap());
            prop_assert_eq!(set.annotations(), &start[..]);
            prop_assert_eq!(history.revision(), 0);
            for _ in 0..applied {
                prop_assert!(history.redo(&mut set, TEXT).unwrap());
            }
            prop_assert!(!history.redo(&mut set, TEXT).unwrap());
            prop_assert_eq!(set.annotations(), &end[..]);
            prop_assert_eq!(history.revision(), end_revision);
        }
    }

    #[test]
    fn undo_after_retag_restores_previous_tag() {
        let mut set = AnnotationSet::new();
        let mut history = History::new();
        let id = set.allocate_id();
        let figure = Annotation::new(
            id,
            Tag::Figure,
            Span::new(5, 10),
            TEXT,
            Timestamp::UNIX_EPOCH,
        );
        history
            .apply(&mut set, Edit::Add(figure.clone()), TEXT)
            .unwrap();
        let quote = figure.retagged(Tag::Quote, Timestamp::from_second(60).unwrap());
        history
            .apply(
                &mut set,
                Edit::Replace {
                    before: figure.clone(),
                    after: quote,
                },
                TEXT,
            )
            .unwrap();
        assert_eq!(set.get(id).unwrap().tag, Tag::Quote);
        history.undo(&mut set, TEXT).unwrap();
        assert_eq!(set.get(id), Some(&figure));
    }

    #[test]
    fn a_new_edit_after_undo_clears_redo() {
        let mut set = AnnotationSet::new();
        let mut history = History::new();
        let id = set.allocate_id();
        let a = Annotation::new(
            id,
            Tag::Figure,
            Span::new(5, 10),
            TEXT,
            Timestamp::UNIX_EPOCH,
        );
        history.apply(&mut set, Edit::Add(a.clone()), TEXT).unwrap();
        history.undo(&mut set, TEXT).unwrap();
        assert!(history.can_redo());
        let id = set.allocate_id();
        let b = Annotation::new(id, Tag::Claim, Span::new(0, 4), TEXT, Timestamp::UNIX_EPOCH);
        history.apply(&mut set, Edit::Add(b), TEXT).unwrap();
        assert!(!history.can_redo());
        assert_ne!(history.revision(), 0);
    }
}
