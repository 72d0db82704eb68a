-- H2 only (decision 101): the embedded store keeps no index on works (start_date, end_date).
-- Every work an import writes was inserted into it at a random place (dates are not in id
-- order): measured on plain H2 2.4.240, 1,000,000 works-shaped rows in bodies of 50,000 took
-- 40.4 s with it and 13.8 s without (issue 15 item 2's 30 s target is out of reach with it).
-- H2 does not choose it for the OGC items page (`… AND id > :after ORDER BY id LIMIT n`: the
-- primary key's order wins; the same 0.2–970 ms with and without it at 1,000,000 rows), and the
-- collection's temporal extent is kept per revision. PostgreSQL keeps its works_dates: its
-- planner does use it, and COPY maintains it without the embedded store's cost.
DROP INDEX IF EXISTS works_dates;
