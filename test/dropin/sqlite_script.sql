-- sqlite_script.sql: the SQL that sqlite_test.sh runs against :memory:.
CREATE TABLE dept(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT, dept INT REFERENCES dept,
                 salary REAL, hired TEXT);
INSERT INTO dept VALUES (1, 'kernel'), (2, 'runtime'), (3, 'empty');
INSERT INTO emp(name, dept, salary, hired) VALUES
    ('ada', 1, 5123.25, '2020-02-29'), ('bob', 1, 4100.5, '2021-07-01'),
    ('cy', 2, 3999.999, '2019-12-31'), ('di', 2, NULL, '2022-01-15'),
    ('eve', NULL, 1234.5, '2023-03-03');
CREATE INDEX emp_dept ON emp(dept);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO emp(name, dept, salary, hired)
    SELECT 'gen' || i, 1 + i % 2, i * 1.5,
           date('2000-01-01', '+' || i || ' days')
    FROM n;
SELECT d.name, count(e.id), printf('%.2f', avg(e.salary)),
       printf('%12.4e', sum(e.salary)), max(e.hired), min(e.name)
    FROM dept d LEFT JOIN emp e ON e.dept = d.id
    GROUP BY d.id ORDER BY d.id;
SELECT e.name, coalesce(d.name, '-'), printf('%8.3f|%g|%.15g', e.salary,
       e.salary / 7, e.salary / 3)
    FROM emp e LEFT JOIN dept d ON d.id = e.dept
    WHERE e.id <= 5 ORDER BY e.salary DESC NULLS LAST;
SELECT count(*), total(salary), round(avg(salary), 4), group_concat(id, ':')
    FROM (SELECT * FROM emp WHERE name LIKE 'gen1_' ORDER BY id);
SELECT name, salary, rank() OVER (PARTITION BY dept ORDER BY salary DESC)
    FROM emp WHERE id <= 5 ORDER BY dept, salary DESC;
SELECT 1e300 * 10, -0.0, 1.0 / 3, 2.5e-7, 9007199254740993, 0.1 + 0.2,
       cast('12.5abc' AS REAL), 7 / 2, 7 % 3, 7.0 / 2, abs(-3), typeof(1.0);
SELECT sqrt(2), pow(2, 0.5), exp(1), ln(10), pi(), floor(-2.5), ceil(2.1);
SELECT upper('abc'), substr('unikernel', 4, 3), replace('a-b-c', '-', '+'),
       instr('hello', 'll'), length('h€llo'), hex('A€'), quote('it''s'),
       trim('  x  '), unicode('€'), char(72, 105);
SELECT strftime('%Y-%m-%d %H:%M:%f', '2024-02-29 12:34:56.789', '+1 year'),
       julianday('2000-01-01'), date('2023-01-31', '+1 month');
SELECT json_object('a', 1, 'b', json_array(1.5, 'x', NULL)),
       json_extract('{"k":[10,20,30]}', '$.k[1]');
UPDATE emp SET salary = salary * 1.1 WHERE dept = 2 AND id <= 5;
DELETE FROM emp WHERE name LIKE 'gen%' AND id % 3 = 0;
SELECT changes(), total_changes(), count(*), printf('%.6f', sum(salary))
    FROM emp;
SELECT name FROM sqlite_schema ORDER BY name;
