//! The pure core of factmark: articles, annotations, sets, edits, history
//! and re-anchoring.
//!
//! `model` never touches the file system, the clock or the screen: time is
//! passed in, text arrives already decoded. Everything here is plain data
//! plus functions, tested on its own.

pub mod agreement;
pub mod anchor;
pub mod annotation;
pub mod article;
pub mod history;
pub mod offsets;
pub mod search;
pub mod set;
pub mod words;

pub use agreement::{Agreement, TagAgreement, compare};
pub use anchor::{Anchored, AnchoredRejections, anchor, anchor_rejections};
pub use annotation::{Annotation, AnnotationId, Orphan, Quote, Span, SpanError, Tag};
pub use article::{Article, ArticleFormat, ArticleMeta, Paragraph, ParagraphKind};
pub use history::History;
pub use offsets::{OffsetIndex, Utf16Offsets};
pub use set::{AnnotationSet, Edit, EditError, Rejection};
