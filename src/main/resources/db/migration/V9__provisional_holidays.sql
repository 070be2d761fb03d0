-- Issue 15: days of a year whose plan is not yet announced are provisional ("dự kiến").
alter table holiday add column provisional boolean default false not null;

-- The shipped 2027 Tết guess (break Fri 5/2 – Thu 11/2) is replaced by the file's precedent-based one
-- (Thu 4/2 – Wed 10/2, as in 2020); only the shipped rows, recognisable by "dự kiến" in the name, go.
-- The holiday import re-adds 2027 from data/holidays/2027.csv at the next start.
delete from holiday where holiday_date between date '2027-01-01' and date '2027-12-31' and name like '%dự kiến%';
update holiday set provisional = true where holiday_date >= date '2027-01-01';
