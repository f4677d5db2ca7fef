//! The id index: which table an id's item is in, and where.
//!
//! A `HashMap<String, ItemRef>` copied every id and spent 40 bytes a slot:
//! 8.6 MB at 100,000 quotes, a tenth of the whole dataset. This table
//! stores 8-byte slots and no strings; a lookup hashes the id and compares
//! it with the id of the item each candidate slot points at.
//!
//! The index knows nothing of the dataset's tables: it is given the items
//! and a function from an item to its id, so the model builds on it and
//! not the other way round.

use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;

/// Which table an id belongs to, and its index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemRef {
    Source(usize),
    Axis(usize),
    Actor(usize),
    Approach(usize),
    Reaction(usize),
    Quote(usize),
    Event(usize),
}

impl ItemRef {
    pub fn kind_label(self) -> &'static str {
        match self {
            ItemRef::Source(_) => "source",
            ItemRef::Axis(_) => "axis",
            ItemRef::Actor(_) => "actor",
            ItemRef::Approach(_) => "approach",
            ItemRef::Reaction(_) => "reaction",
            ItemRef::Quote(_) => "quote",
            ItemRef::Event(_) => "event",
        }
    }
}

/// An item, packed: its table (as `ItemRef`'s variant) and its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    kind: u8,
    index: u32,
}

impl Slot {
    fn pack(item: ItemRef) -> Option<Slot> {
        let (kind, index) = match item {
            ItemRef::Source(i) => (0, i),
            ItemRef::Axis(i) => (1, i),
            ItemRef::Actor(i) => (2, i),
            ItemRef::Approach(i) => (3, i),
            ItemRef::Reaction(i) => (4, i),
            ItemRef::Quote(i) => (5, i),
            ItemRef::Event(i) => (6, i),
        };
        Some(Slot {
            kind,
            index: u32::try_from(index).ok()?,
        })
    }

    fn unpack(self) -> ItemRef {
        let i = self.index as usize;
        match self.kind {
            0 => ItemRef::Source(i),
            1 => ItemRef::Axis(i),
            2 => ItemRef::Actor(i),
            3 => ItemRef::Approach(i),
            4 => ItemRef::Reaction(i),
            5 => ItemRef::Quote(i),
            _ => ItemRef::Event(i),
        }
    }
}

#[derive(Clone, Default)]
pub struct IdIndex {
    table: HashTable<Slot>,
    hasher: RandomState,
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdIndex({} ids)", self.table.len())
    }
}

/// The index is derived from the tables: two datasets with equal tables
/// have equal indices, so equality looks at the tables alone.
impl PartialEq for IdIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl IdIndex {
    /// Index `items`, each named by `id_of`; the first of two items with
    /// one id wins (the checker refuses duplicates anyway).
    pub fn build<'a>(
        items: impl Iterator<Item = ItemRef>,
        id_of: impl Fn(ItemRef) -> &'a str,
    ) -> IdIndex {
        let mut index = IdIndex {
            table: HashTable::with_capacity(items.size_hint().0),
            hasher: RandomState::new(),
        };
        for item in items {
            let Some(slot) = Slot::pack(item) else {
                continue;
            };
            let id = id_of(item);
            let hash = index.hasher.hash_one(id);
            let hasher = &index.hasher;
            if index
                .table
                .find(hash, |s| id_of(s.unpack()) == id)
                .is_none()
            {
                index
                    .table
                    .insert_unique(hash, slot, |s| hasher.hash_one(id_of(s.unpack())));
            }
        }
        index
    }

    /// Where the item with `id` is, among the items `id_of` names (those
    /// it was built from).
    pub fn get<'a>(&self, id: &str, id_of: impl Fn(ItemRef) -> &'a str) -> Option<ItemRef> {
        let hash = self.hasher.hash_one(id);
        self.table
            .find(hash, |s| id_of(s.unpack()) == id)
            .map(|s| s.unpack())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    fn build(d: &Dataset) -> IdIndex {
        IdIndex::build(d.all_items(), |i| d.id_of(i))
    }

    #[test]
    fn finds_every_item_by_id_and_nothing_else() {
        let d = crate::synth::dataset(500, 1);
        let index = build(&d);
        for (i, q) in d.quotes.iter().enumerate() {
            assert_eq!(index.get(&q.id, |i| d.id_of(i)), Some(ItemRef::Quote(i)));
        }
        for (i, a) in d.actors.iter().enumerate() {
            assert_eq!(index.get(&a.id, |i| d.id_of(i)), Some(ItemRef::Actor(i)));
        }
        assert_eq!(
            index.get("synthetic", |i| d.id_of(i)),
            Some(ItemRef::Source(0))
        );
        assert_eq!(index.get("no-such-id", |i| d.id_of(i)), None);
        assert_eq!(index.get("", |i| d.id_of(i)), None);
    }

    #[test]
    fn the_first_of_two_items_with_one_id_wins() {
        let mut d = crate::synth::dataset(3, 1);
        d.quotes[2].id = d.quotes[0].id.clone();
        let index = build(&d);
        assert_eq!(
            index.get(&d.quotes[0].id, |i| d.id_of(i)),
            Some(ItemRef::Quote(0))
        );
    }

    #[test]
    fn a_stale_index_never_answers_with_another_item() {
        let d = crate::synth::dataset(50, 1);
        let index = build(&d);
        let mut changed = d.clone();
        changed.quotes.remove(10);
        // The quote now at index 10 has another id: not found, rather
        // than found wrongly.
        assert_eq!(index.get(&d.quotes[10].id, |i| changed.id_of(i)), None);
        assert_eq!(index.get(&d.quotes[49].id, |i| changed.id_of(i)), None);
        assert_eq!(
            index.get(&d.quotes[3].id, |i| changed.id_of(i)),
            Some(ItemRef::Quote(3))
        );
    }
}
