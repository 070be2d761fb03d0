-- Issue 15: one number series per document type (Nghị định 30/2020/NĐ-CP, Điều 15): "36/QĐ-UBND" and
-- "36/KH-UBND" may both exist in a year; normative decisions ("12/2026/QĐ-UBND") have their own series.

create table document_number_counter (
    series_code  varchar(30) not null,
    series_year  integer     not null,
    last_number  integer     not null,
    primary key (series_code, series_year)
);

alter table directive add column number_series varchar(30);
update directive set number_series = doc_type where number_seq is not null;

-- Each type continues after the highest number it was given under the former single series.
insert into document_number_counter (series_code, series_year, last_number)
    select doc_type, number_year, max(number_seq) from directive
    where number_seq is not null group by doc_type, number_year;

alter table directive drop constraint uq_directive_number;
alter table directive add constraint uq_directive_number unique (number_series, number_year, number_seq);

drop table document_number_series;
