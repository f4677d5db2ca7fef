//! The id index: which table an id's item is in, and where.
//!
//! A `HashMap<String, ItemRef>` copied every id and spent 40 bytes a slot:
//! 8.6 MB at 100,000 quotes, a tenth of the whole dataset. This table
//! stores 8-byte slots and no strings; a lookup hashes the id and compares
//! it with the id of the item each candidate slot points at.

use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;

use super::model::{Dataset, ItemRef};

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
    /// Index every item of `d` that has an id; the first of two items
    /// with one id wins (the checker refuses duplicates anyway).
    pub fn build(d: &Dataset) -> IdIndex {
        let mut index = IdIndex {
            table: HashTable::with_capacity(
                d.sources.len()
                    + d.axes.len()
                    + d.actors.len()
                    + d.approaches.len()
                    + d.reactions.len()
                    + d.quotes.len()
                    + d.events.len(),
            ),
            hasher: RandomState::new(),
        };
        let items = (0..d.sources.len())
            .map(ItemRef::Source)
            .chain((0..d.axes.len()).map(ItemRef::Axis))
            .chain((0..d.actors.len()).map(ItemRef::Actor))
            .chain((0..d.approaches.len()).map(ItemRef::Approach))
            .chain((0..d.reactions.len()).map(ItemRef::Reaction))
            .chain((0..d.quotes.len()).map(ItemRef::Quote))
            .chain((0..d.events.len()).map(ItemRef::Event));
        for item in items {
            let Some(slot) = Slot::pack(item) else {
                continue;
            };
            let id = id_of(d, item);
            let hash = index.hasher.hash_one(id);
            let hasher = &index.hasher;
            if index
                .table
                .find(hash, |s| id_of(d, s.unpack()) == id)
                .is_none()
            {
                index
                    .table
                    .insert_unique(hash, slot, |s| hasher.hash_one(id_of(d, s.unpack())));
            }
        }
        index
    }

    /// Where the item with `id` is in `d` (the dataset it was built from).
    pub fn get(&self, d: &Dataset, id: &str) -> Option<ItemRef> {
        let hash = self.hasher.hash_one(id);
        self.table
            .find(hash, |s| id_of(d, s.unpack()) == id)
            .map(|s| s.unpack())
    }
}

fn id_of(d: &Dataset, item: ItemRef) -> &str {
    let id = match item {
        ItemRef::Source(i) => d.sources.get(i).map(|x| x.id.as_str()),
        ItemRef::Axis(i) => d.axes.get(i).map(|x| x.id.as_str()),
        ItemRef::Actor(i) => d.actors.get(i).map(|x| x.id.as_str()),
        ItemRef::Approach(i) => d.approaches.get(i).map(|x| x.id.as_str()),
        ItemRef::Reaction(i) => d.reactions.get(i).map(|x| x.id.as_str()),
        ItemRef::Quote(i) => d.quotes.get(i).map(|x| x.id.as_str()),
        ItemRef::Event(i) => d.events.get(i).map(|x| x.id.as_str()),
    };
    id.unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_item_by_id_and_nothing_else() {
        let d = crate::synth::dataset(500, 1);
        let index = IdIndex::build(&d);
        for (i, q) in d.quotes.iter().enumerate() {
            assert_eq!(index.get(&d, &q.id), Some(ItemRef::Quote(i)));
        }
        for (i, a) in d.actors.iter().enumerate() {
            assert_eq!(index.get(&d, &a.id), Some(ItemRef::Actor(i)));
        }
        assert_eq!(index.get(&d, "synthetic"), Some(ItemRef::Source(0)));
        assert_eq!(index.get(&d, "no-such-id"), None);
        assert_eq!(index.get(&d, ""), None);
    }

    #[test]
    fn the_first_of_two_items_with_one_id_wins() {
        let mut d = crate::synth::dataset(3, 1);
        d.quotes[2].id = d.quotes[0].id.clone();
        let index = IdIndex::build(&d);
        assert_eq!(index.get(&d, &d.quotes[0].id), Some(ItemRef::Quote(0)));
    }

    #[test]
    fn a_stale_index_never_answers_with_another_item() {
        let d = crate::synth::dataset(50, 1);
        let index = IdIndex::build(&d);
        let mut changed = d.clone();
        changed.quotes.remove(10);
        // The quote now at index 10 has another id: not found, rather
        // than found wrongly.
        assert_eq!(index.get(&changed, &d.quotes[10].id), None);
        assert_eq!(index.get(&changed, &d.quotes[49].id), None);
        assert_eq!(
            index.get(&changed, &d.quotes[3].id),
            Some(ItemRef::Quote(3))
        );
    }
}
