//! The annotation set of one article and the edits that change it.
//!
//! An [`AnnotationSet`] keeps its annotations sorted by [`SortKey`]
//! (position, outer before nested, then tag). The key is unique: the same
//! span cannot carry the same tag twice, while overlapping and nested spans
//! are allowed. Orphans — annotations whose text left the article — are kept
//! beside them and never dropped.
//!
//! Nothing outside this module mutates a set: every change is an [`Edit`], a
//! value with an exact inverse, applied by [`AnnotationSet::apply`]. That is
//! what makes undo/redo ([`super::History`]) exact.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::annotation::{Annotation, AnnotationId, Orphan, SortKey, Span, SpanError, Tag};

/// A suggestion the user rejected, so it is not proposed again for this
/// article: a tag on a span with the text it covered.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rejection {
    pub tag: Tag,
    pub span: Span,
    pub exact: String,
}

/// A change to a set. Every edit carries the full values it adds or removes,
/// so its inverse is exact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Add(Annotation),
    Remove(Annotation),
    /// Change tag, note or boundaries of one annotation (same id).
    Replace {
        before: Annotation,
        after: Annotation,
    },
    AddOrphan(Orphan),
    RemoveOrphan(Orphan),
    Reject(Rejection),
    Unreject(Rejection),
    /// Several edits applied as one step, all or nothing.
    Batch(Vec<Edit>),
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Add(a) => Edit::Remove(a.clone()),
            Edit::Remove(a) => Edit::Add(a.clone()),
            Edit::Replace { before, after } => Edit::Replace {
                before: after.clone(),
                after: before.clone(),
            },
            Edit::AddOrphan(o) => Edit::RemoveOrphan(o.clone()),
            Edit::RemoveOrphan(o) => Edit::AddOrphan(o.clone()),
            Edit::Reject(r) => Edit::Unreject(r.clone()),
            Edit::Unreject(r) => Edit::Reject(r.clone()),
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
        }
    }
}

/// Why an edit was refused. The set is unchanged after a refused edit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error(transparent)]
    Span(#[from] SpanError),
    #[error("that span is already tagged {0}")]
    Duplicate(Tag),
    #[error("annotation {0} is already in the set")]
    DuplicateId(AnnotationId),
    #[error("annotation {0} is not in the set (or has changed)")]
    NotFound(AnnotationId),
    #[error("an edit must keep the annotation's id")]
    IdChanged,
    #[error("the annotation's text does not match the article at its span")]
    TextMismatch,
    #[error("that suggestion is already rejected")]
    AlreadyRejected,
}

/// The annotations of one article, sorted by position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationSet {
    annotations: Vec<Annotation>,
    orphans: Vec<Orphan>,
    /// Every id in use, anchored or orphaned.
    ids: HashSet<AnnotationId>,
    /// Where each anchored annotation sorts, so lookups by id are a binary
    /// search rather than a scan.
    keys: HashMap<AnnotationId, SortKey>,
    counts: [usize; 4],
    /// Rejected suggestions by position and tag, with their text.
    rejected: BTreeMap<(usize, usize, Tag), String>,
    next_id: u64,
}

impl AnnotationSet {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a set from annotations already validated against the article
    /// (as `io` does on load). Refuses duplicate spans and duplicate ids.
    pub fn from_parts(
        mut annotations: Vec<Annotation>,
        orphans: Vec<Orphan>,
    ) -> Result<Self, EditError> {
        annotations.sort_by_key(Annotation::key);
        if let Some(pair) = annotations.windows(2).find(|w| w[0].key() == w[1].key()) {
            return Err(EditError::Duplicate(pair[1].tag));
        }
        let mut ids = HashSet::with_capacity(annotations.len() + orphans.len());
        let all_ids = annotations
            .iter()
            .map(|a| a.id)
            .chain(orphans.iter().map(|o| o.id));
        for id in all_ids {
            if !ids.insert(id) {
                return Err(EditError::DuplicateId(id));
            }
        }
        let next_id = ids.iter().map(|id| id.0 + 1).max().unwrap_or(1);
        let keys = annotations.iter().map(|a| (a.id, a.key())).collect();
        let mut counts = [0; 4];
        for a in &annotations {
            counts[a.tag.index()] += 1;
        }
        Ok(Self {
            annotations,
            orphans,
            ids,
            keys,
            counts,
            rejected: BTreeMap::new(),
            next_id,
        })
    }

    /// The annotations in text order.
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// Annotations that could not be found in the article.
    pub fn orphans(&self) -> &[Orphan] {
        &self.orphans
    }

    pub fn len(&self) -> usize {
        self.annotations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.orphans.is_empty()
    }

    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        let key = self.keys.get(&id)?;
        self.position(*key).ok().map(|i| &self.annotations[i])
    }

    pub fn orphan(&self, id: AnnotationId) -> Option<&Orphan> {
        self.orphans.iter().find(|o| o.id == id)
    }

    /// Whether a span already carries a tag.
    pub fn contains(&self, span: Span, tag: Tag) -> bool {
        self.position(SortKey::new(span, tag)).is_ok()
    }

    /// Annotations per tag, indexed by [`Tag::index`].
    pub fn counts(&self) -> [usize; 4] {
        self.counts
    }

    /// Whether a suggestion of `tag` on `span` was rejected.
    pub fn is_rejected(&self, span: Span, tag: Tag) -> bool {
        self.rejected.contains_key(&(span.start, span.end, tag))
    }

    /// The rejected suggestions, in text order.
    pub fn rejections(&self) -> impl Iterator<Item = Rejection> + '_ {
        self.rejected
            .iter()
            .map(|(&(start, end, tag), exact)| Rejection {
                tag,
                span: Span::new(start, end),
                exact: exact.clone(),
            })
    }

    /// The edits that make this set hold what `theirs` holds (annotations,
    /// orphans and rejections), as a [`Edit::Batch`] step; empty when the
    /// two already agree. An annotation both have (same span and tag)
    /// keeps this set's id; what only `theirs` has gets a fresh id.
    pub fn edits_to(&mut self, theirs: &AnnotationSet) -> Vec<Edit> {
        let mut edits = Vec::new();
        let mut additions = Vec::new();
        for a in &self.annotations {
            match theirs.position(a.key()) {
                Err(_) => edits.push(Edit::Remove(a.clone())),
                Ok(i) => {
                    let after = Annotation {
                        id: a.id,
                        ..theirs.annotations[i].clone()
                    };
                    if after != *a {
                        edits.push(Edit::Replace {
                            before: a.clone(),
                            after,
                        });
                    }
                }
            }
        }
        for a in &theirs.annotations {
            if !self.contains(a.span, a.tag) {
                additions.push(a.clone());
            }
        }
        let same_orphan = |a: &Orphan, b: &Orphan| {
            Orphan {
                id: b.id,
                ..a.clone()
            } == *b
        };
        for o in &self.orphans {
            if !theirs.orphans.iter().any(|t| same_orphan(t, o)) {
                edits.push(Edit::RemoveOrphan(o.clone()));
            }
        }
        let orphan_additions: Vec<Orphan> = theirs
            .orphans
            .iter()
            .filter(|t| !self.orphans.iter().any(|o| same_orphan(t, o)))
            .cloned()
            .collect();
        for r in self.rejections() {
            if !theirs.is_rejected(r.span, r.tag) {
                edits.push(Edit::Unreject(r));
            }
        }
        for r in theirs.rejections() {
            if !self.is_rejected(r.span, r.tag) {
                edits.push(Edit::Reject(r));
            }
        }
        for mut a in additions {
            a.id = self.allocate_id();
            edits.push(Edit::Add(a));
        }
        for mut o in orphan_additions {
            o.id = self.allocate_id();
            edits.push(Edit::AddOrphan(o));
        }
        edits
    }

    /// A new annotation of `span` in `text` with a fresh id, not yet in
    /// the set (add it with [`Edit::Add`]).
    pub fn new_annotation(
        &mut self,
        tag: Tag,
        span: Span,
        text: &str,
        now: jiff::Timestamp,
    ) -> Annotation {
        Annotation::new(self.allocate_id(), tag, span, text, now)
    }

    /// A fresh id, never handed out before by this set.
    pub fn allocate_id(&mut self) -> AnnotationId {
        let id = AnnotationId(self.next_id.max(1));
        self.next_id = id.0 + 1;
        id
    }

    /// Index of the first annotation that starts at or after `byte`.
    pub fn first_starting_at_or_after(&self, byte: usize) -> usize {
        self.annotations.partition_point(|a| a.span.start < byte)
    }

    fn position(&self, key: SortKey) -> Result<usize, usize> {
        self.annotations.binary_search_by_key(&key, Annotation::key)
    }

    /// Applies an edit against the article `text`. A refused edit leaves the
    /// set exactly as it was.
    pub fn apply(&mut self, edit: &Edit, text: &str) -> Result<(), EditError> {
        match edit {
            Edit::Add(a) => self.insert(a, text),
            Edit::Remove(a) => self.remove(a),
            Edit::Replace { before, after } => {
                if before.id != after.id {
                    return Err(EditError::IdChanged);
                }
                self.remove(before)?;
                self.insert(after, text).inspect_err(|_| {
                    self.insert(before, text)
                        .expect("re-inserting what was just removed cannot fail");
                })
            }
            Edit::AddOrphan(o) => {
                if !self.ids.insert(o.id) {
                    return Err(EditError::DuplicateId(o.id));
                }
                self.next_id = self.next_id.max(o.id.0 + 1);
                let at = self.orphans.partition_point(|x| x.id < o.id);
                self.orphans.insert(at, o.clone());
                Ok(())
            }
            Edit::RemoveOrphan(o) => {
                let at = self
                    .orphans
                    .iter()
                    .position(|x| x == o)
                    .ok_or(EditError::NotFound(o.id))?;
                self.orphans.remove(at);
                self.ids.remove(&o.id);
                Ok(())
            }
            Edit::Reject(r) => {
                r.span.validate(text)?;
                if text[r.span.range()] != r.exact {
                    return Err(EditError::TextMismatch);
                }
                let key = (r.span.start, r.span.end, r.tag);
                if self.rejected.contains_key(&key) {
                    return Err(EditError::AlreadyRejected);
                }
                self.rejected.insert(key, r.exact.clone());
                Ok(())
            }
            Edit::Unreject(r) => {
                let key = (r.span.start, r.span.end, r.tag);
                match self.rejected.get(&key) {
                    Some(exact) if *exact == r.exact => {
                        self.rejected.remove(&key);
                        Ok(())
                    }
                    _ => Err(EditError::NotFound(AnnotationId(0))),
                }
            }
            Edit::Batch(edits) => {
                for (done, edit) in edits.iter().enumerate() {
                    if let Err(error) = self.apply(edit, text) {
                        for applied in edits[..done].iter().rev() {
                            self.apply(&applied.inverse(), text)
                                .expect("undoing an edit just applied cannot fail");
                        }
                        return Err(error);
                    }
                }
                Ok(())
            }
        }
    }

    fn insert(&mut self, a: &Annotation, text: &str) -> Result<(), EditError> {
        a.span.validate(text)?;
        if text[a.span.range()] != a.quote.exact {
            return Err(EditError::TextMismatch);
        }
        let at = match self.position(a.key()) {
            Ok(_) => return Err(EditError::Duplicate(a.tag)),
            Err(at) => at,
        };
        if !self.ids.insert(a.id) {
            return Err(EditError::DuplicateId(a.id));
        }
        self.next_id = self.next_id.max(a.id.0 + 1);
        self.annotations.insert(at, a.clone());
        self.keys.insert(a.id, a.key());
        self.counts[a.tag.index()] += 1;
        Ok(())
    }

    fn remove(&mut self, a: &Annotation) -> Result<(), EditError> {
        match self.position(a.key()) {
            Ok(at) if self.annotations[at] == *a => {
                self.annotations.remove(at);
                self.ids.remove(&a.id);
                self.keys.remove(&a.id);
                self.counts[a.tag.index()] -= 1;
                Ok(())
            }
            _ => Err(EditError::NotFound(a.id)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    const TEXT: &str = "The minister said 80% of voters agreed.";

    fn annotation(set: &mut AnnotationSet, tag: Tag, start: usize, end: usize) -> Annotation {
        let id = set.allocate_id();
        Annotation::new(id, tag, Span::new(start, end), TEXT, Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn overlapping_and_nested_spans_are_allowed() {
        let mut set = AnnotationSet::new();
        let claim = annotation(&mut set, Tag::Claim, 0, 38);
        let figure = annotation(&mut set, Tag::Figure, 18, 21);
        let source = annotation(&mut set, Tag::Source, 0, 12);
        for a in [&figure, &claim, &source] {
            set.apply(&Edit::Add(a.clone()), TEXT).unwrap();
        }
        let order: Vec<_> = set.annotations().iter().map(|a| a.id).collect();
        assert_eq!(order, vec![claim.id, source.id, figure.id]);
    }

    /// What a set holds, ids aside: annotations, rejections, orphans' notes.
    type Content = (Vec<(Tag, Span, String)>, Vec<Rejection>, Vec<String>);

    fn content(set: &AnnotationSet) -> Content {
        (
            set.annotations()
                .iter()
                .map(|a| (a.tag, a.span, a.note.clone()))
                .collect(),
            set.rejections().collect(),
            set.orphans().iter().map(|o| o.note.clone()).collect(),
        )
    }

    #[test]
    fn edits_to_another_set_make_this_one_hold_the_same_in_one_undoable_step() {
        let mut theirs = AnnotationSet::new();
        let mut figure = annotation(&mut theirs, Tag::Figure, 18, 21);
        figure.note = "from the poll".to_owned();
        let source = annotation(&mut theirs, Tag::Source, 0, 12);
        let orphan = Orphan {
            id: theirs.allocate_id(),
            tag: Tag::Quote,
            last_start: 0,
            last_end: 3,
            quote: figure.quote.clone(),
            note: "lost".to_owned(),
            created: Timestamp::UNIX_EPOCH,
            modified: Timestamp::UNIX_EPOCH,
        };
        for edit in [
            Edit::Add(figure.clone()),
            Edit::Add(source),
            Edit::AddOrphan(orphan),
            Edit::Reject(Rejection {
                tag: Tag::Claim,
                span: Span::new(0, 3),
                exact: "The".to_owned(),
            }),
        ] {
            theirs.apply(&edit, TEXT).unwrap();
        }

        let mut ours = AnnotationSet::new();
        // The same figure without its note, under another id; and a claim
        // and a rejection that `theirs` lacks.
        ours.next_id = 10;
        let our_figure = annotation(&mut ours, Tag::Figure, 18, 21);
        let claim = annotation(&mut ours, Tag::Claim, 0, 38);
        for edit in [
            Edit::Add(our_figure.clone()),
            Edit::Add(claim),
            Edit::Reject(Rejection {
                tag: Tag::Quote,
                span: Span::new(4, 12),
                exact: "minister".to_owned(),
            }),
        ] {
            ours.apply(&edit, TEXT).unwrap();
        }
        let before = ours.clone();

        let edits = ours.edits_to(&theirs);
        let step = Edit::Batch(edits);
        ours.apply(&step, TEXT).unwrap();
        assert_eq!(content(&ours), content(&theirs));
        assert_eq!(
            ours.get(our_figure.id).map(|a| a.note.as_str()),
            Some("from the poll"),
            "the annotation both have keeps our id"
        );
        assert!(ours.edits_to(&theirs).is_empty(), "nothing left to do");

        ours.apply(&step.inverse(), TEXT).unwrap();
        assert_eq!(content(&ours), content(&before));
    }

    #[test]
    fn an_exact_duplicate_is_refused() {
        let mut set = AnnotationSet::new();
        let first = annotation(&mut set, Tag::Figure, 18, 21);
        let again = annotation(&mut set, Tag::Figure, 18, 21);
        set.apply(&Edit::Add(first), TEXT).unwrap();
        let before = set.clone();
        assert_eq!(
            set.apply(&Edit::Add(again), TEXT),
            Err(EditError::Duplicate(Tag::Figure))
        );
        assert_eq!(set, before);
        let other_tag = annotation(&mut set, Tag::Claim, 18, 21);
        assert!(set.apply(&Edit::Add(other_tag), TEXT).is_ok());
    }

    #[test]
    fn a_failing_batch_changes_nothing() {
        let mut set = AnnotationSet::new();
        let a = annotation(&mut set, Tag::Figure, 18, 21);
        let b = annotation(&mut set, Tag::Claim, 0, 3);
        let mut bad = annotation(&mut set, Tag::Quote, 0, 3);
        bad.span = Span::new(0, 99);
        let before = set.clone();
        let batch = Edit::Batch(vec![Edit::Add(a), Edit::Add(b), Edit::Add(bad)]);
        assert!(set.apply(&batch, TEXT).is_err());
        assert_eq!(set, before);
    }

    #[test]
    fn a_replace_that_would_duplicate_restores_the_original() {
        let mut set = AnnotationSet::new();
        let figure = annotation(&mut set, Tag::Figure, 18, 21);
        let claim = annotation(&mut set, Tag::Claim, 18, 21);
        set.apply(&Edit::Add(figure.clone()), TEXT).unwrap();
        set.apply(&Edit::Add(claim), TEXT).unwrap();
        let before = set.clone();
        let retag = Edit::Replace {
            before: figure.clone(),
            after: figure.retagged(Tag::Claim, Timestamp::UNIX_EPOCH),
        };
        assert_eq!(
            set.apply(&retag, TEXT),
            Err(EditError::Duplicate(Tag::Claim))
        );
        assert_eq!(set, before);
    }

    #[test]
    fn ids_are_never_handed_out_twice() {
        let mut set = AnnotationSet::new();
        let a = annotation(&mut set, Tag::Figure, 18, 21);
        set.apply(&Edit::Add(a.clone()), TEXT).unwrap();
        set.apply(&Edit::Remove(a.clone()), TEXT).unwrap();
        assert_ne!(set.allocate_id(), a.id);
    }

    #[test]
    fn duplicate_ids_are_refused_when_building_a_set() {
        let mut set = AnnotationSet::new();
        let a = annotation(&mut set, Tag::Figure, 18, 21);
        let mut b = annotation(&mut set, Tag::Claim, 0, 3);
        b.id = a.id;
        assert_eq!(
            AnnotationSet::from_parts(vec![a.clone(), b], vec![]),
            Err(EditError::DuplicateId(a.id))
        );
    }
}
