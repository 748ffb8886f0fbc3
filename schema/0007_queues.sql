-- sqgl schema 7: queues read the open work they ask for, not ten years of cases.
--
-- `sqgl list --item` starts from the item's cases. The other filters have their
-- indexes already: open steps by assignee (case_steps_assignee) and by unit
-- (case_steps_open), cases by status and due date (cases_status_due), by
-- community (cases_community). tests/unit/queues_test.cpp pins each plan.
CREATE INDEX cases_item ON cases(item, status);
