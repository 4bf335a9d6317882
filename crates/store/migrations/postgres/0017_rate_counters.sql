-- What senders spent of their mail allowance, per scope (a member, a client address or a
-- recipient, hashed) and window: one row per scope and window, raised atomically, so every
-- process of a deployment counts the same and parallel requests cannot overspend.
CREATE TABLE rate_counters (
    scope TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    spent BIGINT NOT NULL,
    PRIMARY KEY (scope, window_start)
);

CREATE INDEX rate_counters_window ON rate_counters (window_start);
