//! The exact step of team formation: coaches to teams at least total cost, as a rectangular
//! assignment problem (every team gets one coach slot; a coach who may coach two teams has two
//! slots). Solved with the shortest augmenting path method (Jonker–Volgenant as refined by
//! Crouse, 2016 — what SciPy's `linear_sum_assignment` implements): row and column potentials,
//! one Dijkstra over the columns per team, potentials updated only where the search went.
//! O(teams² · slots) in the worst case; far less in practice, because a free slot among the
//! cheapest ends a search at once.

/// A cost matrix of `rows` × `cols` (rows ≤ cols); `None` marks a forbidden pair.
#[derive(Debug, Clone)]
pub struct CostMatrix {
    rows: usize,
    cols: usize,
    cells: Vec<Option<i64>>,
}

impl CostMatrix {
    /// A matrix where every pair is forbidden.
    pub fn new(rows: usize, cols: usize) -> Self {
        Self {
            rows,
            cols,
            cells: vec![None; rows * cols],
        }
    }

    /// Sets the cost of assigning `col` to `row` (`None` forbids it).
    pub fn set(&mut self, row: usize, col: usize, cost: Option<i64>) {
        self.cells[row * self.cols + col] = cost;
    }

    /// The cost of a pair.
    pub fn get(&self, row: usize, col: usize) -> Option<i64> {
        self.cells[row * self.cols + col]
    }

    /// Rows.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Columns.
    pub fn cols(&self) -> usize {
        self.cols
    }
}

/// An optimal assignment: the column of each row, and the total cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// `columns[row]` is the column given to `row`.
    pub columns: Vec<usize>,
    /// The sum of the chosen costs.
    pub cost: i64,
}

/// Why no assignment exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssignmentError {
    /// More rows than columns.
    TooFewColumns,
    /// These rows cannot all be given allowed columns at once (a Hall violation among them).
    NoCompleteAssignment(Vec<usize>),
}

/// Solves the assignment exactly: every row gets a distinct column, allowed pairs only, least
/// total cost.
///
/// # Errors
/// When rows outnumber columns or no complete assignment of allowed pairs exists.
pub fn solve(m: &CostMatrix) -> Result<Assignment, AssignmentError> {
    let (n, cols) = (m.rows, m.cols);
    if n > cols {
        return Err(AssignmentError::TooFewColumns);
    }
    // Forbidden pairs cost more than any complete assignment of allowed ones, so the optimum
    // uses one only when no complete allowed assignment exists.
    let max_allowed = m.cells.iter().flatten().map(|c| c.abs()).max().unwrap_or(0);
    let big = max_allowed
        .saturating_add(1)
        .saturating_mul(i64::try_from(n + 1).unwrap_or(i64::MAX));
    let cost: Vec<i64> = m.cells.iter().map(|c| c.unwrap_or(big)).collect();
    const INF: i64 = i64::MAX / 4;
    const FREE: usize = usize::MAX;
    let mut u = vec![0i64; n];
    let mut v = vec![0i64; cols];
    let mut row_of = vec![FREE; cols];
    let mut col_of = vec![FREE; n];
    let mut path = vec![FREE; cols];
    let mut distance = vec![INF; cols];
    let mut seen_row = vec![false; n];
    let mut seen_col = vec![false; cols];
    let mut remaining: Vec<usize> = Vec::with_capacity(cols);
    for start in 0..n {
        // Dijkstra over columns from `start`, reduced costs, until a free column is reached;
        // among equally short columns a free one wins, which ends most searches at once.
        remaining.clear();
        remaining.extend((0..cols).rev());
        distance.iter_mut().for_each(|d| *d = INF);
        seen_row.iter_mut().for_each(|s| *s = false);
        seen_col.iter_mut().for_each(|s| *s = false);
        let mut reached = 0i64;
        let mut row = start;
        let sink = loop {
            seen_row[row] = true;
            let base = reached - u[row];
            let costs = &cost[row * cols..(row + 1) * cols];
            let mut lowest = INF;
            let mut best = 0usize;
            for (k, &c) in remaining.iter().enumerate() {
                let r = base + costs[c] - v[c];
                if r < distance[c] {
                    path[c] = row;
                    distance[c] = r;
                }
                let d = distance[c];
                if d < lowest || (d == lowest && row_of[c] == FREE) {
                    lowest = d;
                    best = k;
                }
            }
            reached = lowest;
            let c = remaining.swap_remove(best);
            seen_col[c] = true;
            if row_of[c] == FREE {
                break c;
            }
            row = row_of[c];
        };
        // Potentials of the rows and columns the search settled.
        u[start] += reached;
        for r in 0..n {
            if seen_row[r] && r != start {
                u[r] += reached - distance[col_of[r]];
            }
        }
        for c in 0..cols {
            if seen_col[c] {
                v[c] -= reached - distance[c];
            }
        }
        // Augment along the path back to `start`.
        let mut c = sink;
        loop {
            let r = path[c];
            row_of[c] = r;
            let previous = std::mem::replace(&mut col_of[r], c);
            if r == start {
                break;
            }
            c = previous;
        }
    }
    let columns = col_of;
    let forbidden: Vec<usize> = (0..n).filter(|&r| m.get(r, columns[r]).is_none()).collect();
    if !forbidden.is_empty() {
        return Err(AssignmentError::NoCompleteAssignment(forbidden));
    }
    let total = (0..n).filter_map(|r| m.get(r, columns[r])).sum();
    Ok(Assignment {
        columns,
        cost: total,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn brute_force(m: &CostMatrix) -> Option<i64> {
        fn go(m: &CostMatrix, row: usize, taken: &mut Vec<bool>) -> Option<i64> {
            if row == m.rows() {
                return Some(0);
            }
            let mut best: Option<i64> = None;
            for c in 0..m.cols() {
                if taken[c] {
                    continue;
                }
                if let Some(cost) = m.get(row, c) {
                    taken[c] = true;
                    if let Some(rest) = go(m, row + 1, taken) {
                        best = Some(best.map_or(cost + rest, |b| b.min(cost + rest)));
                    }
                    taken[c] = false;
                }
            }
            best
        }
        go(m, 0, &mut vec![false; m.cols()])
    }

    #[test]
    fn a_known_instance_has_its_known_optimum() {
        let rows = [[4, 1, 3], [2, 0, 5], [3, 2, 2]];
        let mut m = CostMatrix::new(3, 3);
        for (r, row) in rows.iter().enumerate() {
            for (c, cost) in row.iter().enumerate() {
                m.set(r, c, Some(*cost));
            }
        }

        let a = solve(&m).unwrap();

        assert_eq!(a.cost, 5);
        assert_eq!(a.columns, vec![1, 0, 2]);
    }

    #[test]
    fn forbidden_pairs_that_cannot_be_avoided_are_reported() {
        let mut m = CostMatrix::new(2, 2);
        m.set(0, 0, Some(1));
        m.set(1, 0, Some(1));

        assert!(matches!(
            solve(&m),
            Err(AssignmentError::NoCompleteAssignment(_))
        ));
        assert_eq!(
            solve(&CostMatrix::new(3, 2)),
            Err(AssignmentError::TooFewColumns)
        );
    }

    proptest! {
        #[test]
        fn it_finds_the_optimum_brute_force_finds(
            rows in 1usize..6,
            extra in 0usize..3,
            cells in proptest::collection::vec(proptest::option::weighted(0.8, 0i64..50), 48),
        ) {
            let cols = rows + extra;
            let mut m = CostMatrix::new(rows, cols);
            for r in 0..rows {
                for c in 0..cols {
                    m.set(r, c, cells[(r * cols + c) % cells.len()]);
                }
            }
            match (solve(&m), brute_force(&m)) {
                (Ok(a), Some(best)) => {
                    prop_assert_eq!(a.cost, best);
                    let mut seen = a.columns.clone();
                    seen.sort_unstable();
                    seen.dedup();
                    prop_assert_eq!(seen.len(), rows);
                }
                (Err(_), None) => {}
                (got, want) => prop_assert!(false, "solver {:?} but brute force {:?}", got, want),
            }
        }
    }
}
