-- table answer_group on answer_group
CREATE TABLE answer_group (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, options TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0);
-- table audit_event on audit_event
CREATE TABLE audit_event ( id TEXT PRIMARY KEY NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT NOT NULL, before TEXT, after TEXT);
-- index audit_event_actor on audit_event
CREATE INDEX audit_event_actor ON audit_event (actor, at);
-- index audit_event_at on audit_event
CREATE INDEX audit_event_at ON audit_event (at);
-- index audit_event_entity on audit_event
CREATE INDEX audit_event_entity ON audit_event (entity, entity_id);
-- table calibration_change on calibration_change
CREATE TABLE calibration_change ( id TEXT PRIMARY KEY NOT NULL, session_id TEXT NOT NULL REFERENCES calibration_session(id), member_id TEXT NOT NULL REFERENCES calibration_member(id), kind TEXT NOT NULL CHECK (kind IN ('move','added','removed')), at TEXT NOT NULL, actor TEXT NOT NULL, performance_from REAL, performance_to REAL, potential_from INTEGER, potential_to INTEGER, reason_code TEXT, reason_label TEXT, comment TEXT, undone_at TEXT, undone_by TEXT);
-- index calibration_change_member on calibration_change
CREATE INDEX calibration_change_member ON calibration_change (member_id, at);
-- index calibration_change_session on calibration_change
CREATE INDEX calibration_change_session ON calibration_change (session_id, at);
-- table calibration_guideline_set on calibration_guideline_set
CREATE TABLE calibration_guideline_set (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, description TEXT, rating_scale_id TEXT NOT NULL REFERENCES rating_scale(id), mode TEXT NOT NULL CHECK (mode IN ('advisory','enforced')), rules TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0);
-- table calibration_member on calibration_member
CREATE TABLE calibration_member (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, session_id TEXT NOT NULL REFERENCES calibration_session(id), review_id TEXT NOT NULL REFERENCES review(id), employee_id TEXT NOT NULL REFERENCES employee(id), performance REAL, potential INTEGER, risk_of_loss TEXT CHECK (risk_of_loss IN ('low','medium','high')), impact_of_loss TEXT CHECK (impact_of_loss IN ('low','medium','high')), original_rating REAL, comment TEXT, private_note TEXT, discussed INTEGER NOT NULL DEFAULT 0, review_before TEXT, archived INTEGER NOT NULL DEFAULT 0, UNIQUE (session_id, employee_id));
-- index calibration_member_placement on calibration_member
CREATE INDEX calibration_member_placement ON calibration_member (session_id, archived, performance, original_rating, potential, discussed);
-- index calibration_member_review on calibration_member
CREATE INDEX calibration_member_review ON calibration_member (review_id);
-- table calibration_session on calibration_session
CREATE TABLE calibration_session (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, cycle_id TEXT NOT NULL REFERENCES review_cycle(id), date TEXT NOT NULL, location TEXT, facilitator_id TEXT REFERENCES employee(id), reviewer_ids TEXT NOT NULL, population TEXT NOT NULL, guideline_set_id TEXT REFERENCES calibration_guideline_set(id), settings TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in_session','finalised')), started_at TEXT, finalised_at TEXT, finalised_by TEXT, acknowledgement TEXT, summary TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- index calibration_session_cycle on calibration_session
CREATE INDEX calibration_session_cycle ON calibration_session (cycle_id);
-- table department on department
CREATE TABLE department (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, code TEXT, parent_id TEXT REFERENCES department(id), archived INTEGER NOT NULL DEFAULT 0);
-- index department_sibling_name on department
CREATE UNIQUE INDEX department_sibling_name ON department (ifnull(parent_id, ''), name COLLATE NOCASE);
-- table employee on employee
CREATE TABLE employee (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, employee_number TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT, hire_date TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('active','on_leave','terminated')), manager_id TEXT REFERENCES employee(id), position_id TEXT REFERENCES position(id), department_id TEXT REFERENCES department(id), job_id TEXT REFERENCES job(id), location TEXT, archived INTEGER NOT NULL DEFAULT 0, termination_date TEXT);
-- index employee_department on employee
CREATE INDEX employee_department ON employee (department_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE);
-- index employee_job on employee
CREATE INDEX employee_job ON employee (job_id);
-- index employee_manager on employee
CREATE INDEX employee_manager ON employee (manager_id);
-- index employee_name on employee
CREATE INDEX employee_name ON employee (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
-- index employee_number_unique on employee
CREATE UNIQUE INDEX employee_number_unique ON employee (employee_number COLLATE NOCASE);
-- index employee_position_unique on employee
CREATE UNIQUE INDEX employee_position_unique ON employee (position_id) WHERE position_id IS NOT NULL;
-- table employee_assignment on employee_assignment
CREATE TABLE employee_assignment ( id TEXT PRIMARY KEY NOT NULL, employee_id TEXT NOT NULL REFERENCES employee(id), effective_date TEXT NOT NULL, department_id TEXT REFERENCES department(id), job_id TEXT REFERENCES job(id), manager_id TEXT REFERENCES employee(id), position_id TEXT REFERENCES position(id), source TEXT NOT NULL CHECK (source IN ('hire','change','position','import','upgrade','demo')), recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL);
-- index employee_assignment_timeline on employee_assignment
CREATE INDEX employee_assignment_timeline ON employee_assignment (employee_id, effective_date, recorded_at);
-- table employee_photo on employee_photo
CREATE TABLE employee_photo (employee_id TEXT PRIMARY KEY NOT NULL REFERENCES employee(id), mime_type TEXT NOT NULL, data BLOB NOT NULL, source_name TEXT, updated_at TEXT NOT NULL);
-- trigger employee_skill_keep_latest on employee_skill
CREATE TRIGGER employee_skill_keep_latest AFTER INSERT ON employee_skill BEGIN INSERT INTO employee_skill_latest (employee_id, skill_id, level, effective_date, recorded_at) VALUES (NEW.employee_id, NEW.skill_id, NEW.level, NEW.effective_date, NEW.recorded_at) ON CONFLICT (employee_id, skill_id) DO UPDATE SET level = excluded.level, effective_date = excluded.effective_date, recorded_at = excluded.recorded_at WHERE excluded.effective_date > employee_skill_latest.effective_date OR (excluded.effective_date = employee_skill_latest.effective_date AND excluded.recorded_at >= employee_skill_latest.recorded_at); END;
-- table employee_skill on employee_skill
CREATE TABLE employee_skill ( id TEXT PRIMARY KEY NOT NULL, employee_id TEXT NOT NULL REFERENCES employee(id), skill_id TEXT NOT NULL REFERENCES skill(id), level INTEGER CHECK (level BETWEEN 1 AND 10), effective_date TEXT NOT NULL, source TEXT NOT NULL CHECK (source IN ('self','manager','assessment','course','import')), verified_by TEXT, notes TEXT, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL);
-- index employee_skill_by_skill on employee_skill
CREATE INDEX employee_skill_by_skill ON employee_skill (skill_id, effective_date);
-- index employee_skill_lookup on employee_skill
CREATE INDEX employee_skill_lookup ON employee_skill (employee_id, skill_id, effective_date, recorded_at, level);
-- table employee_skill_latest on employee_skill_latest
CREATE TABLE employee_skill_latest ( employee_id TEXT NOT NULL, skill_id TEXT NOT NULL, level INTEGER, effective_date TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (employee_id, skill_id)) WITHOUT ROWID;
-- table employee_skill_target on employee_skill_target
CREATE TABLE employee_skill_target (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, employee_id TEXT NOT NULL REFERENCES employee(id), skill_id TEXT NOT NULL REFERENCES skill(id), level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 10), due_date TEXT);
-- index employee_skill_target_unique on employee_skill_target
CREATE UNIQUE INDEX employee_skill_target_unique ON employee_skill_target (employee_id, skill_id);
-- table external_candidate on external_candidate
CREATE TABLE external_candidate (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, organisation TEXT, current_role TEXT, email TEXT, notes TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- table goal on goal
CREATE TABLE goal (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, scope TEXT NOT NULL CHECK (scope IN ('organisation','department','individual')), employee_id TEXT REFERENCES employee(id), department_id TEXT REFERENCES department(id), title TEXT NOT NULL, description TEXT, period_start TEXT NOT NULL, period_end TEXT NOT NULL, category TEXT, unit TEXT NOT NULL CHECK (unit IN ('number','percent','currency','date','rating')), start_value REAL, target_value REAL, actual_value REAL, stretch INTEGER NOT NULL DEFAULT 0, weight REAL NOT NULL DEFAULT 0 CHECK (weight BETWEEN 0 AND 100), status TEXT NOT NULL CHECK (status IN ('not_started','on_track','at_risk','behind','achieved','missed','cancelled')), aligned_to_id TEXT REFERENCES goal(id), progress REAL NOT NULL DEFAULT 0, archived INTEGER NOT NULL DEFAULT 0, library_item_id TEXT REFERENCES goal_library_item(id), CHECK (period_start <= period_end));
-- index goal_aligned_to on goal
CREATE INDEX goal_aligned_to ON goal (aligned_to_id);
-- index goal_department on goal
CREATE INDEX goal_department ON goal (department_id);
-- index goal_employee on goal
CREATE INDEX goal_employee ON goal (employee_id);
-- index goal_library_item_used on goal
CREATE INDEX goal_library_item_used ON goal (library_item_id);
-- index goal_period on goal
CREATE INDEX goal_period ON goal (period_start, period_end);
-- table goal_check_in on goal_check_in
CREATE TABLE goal_check_in ( id TEXT PRIMARY KEY NOT NULL, goal_id TEXT NOT NULL REFERENCES goal(id), date TEXT NOT NULL, progress REAL NOT NULL CHECK (progress BETWEEN 0 AND 100), actual_value REAL, comment TEXT, author TEXT NOT NULL, recorded_at TEXT NOT NULL);
-- index goal_check_in_goal on goal_check_in
CREATE INDEX goal_check_in_goal ON goal_check_in (goal_id, date, recorded_at);
-- table goal_library_item on goal_library_item
CREATE TABLE goal_library_item (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, title TEXT NOT NULL, description TEXT, category TEXT, unit TEXT NOT NULL CHECK (unit IN ('number','percent','currency','date','rating')), target_value REAL, stretch INTEGER NOT NULL DEFAULT 0, suggested_weight REAL NOT NULL DEFAULT 0 CHECK (suggested_weight BETWEEN 0 AND 100), archived INTEGER NOT NULL DEFAULT 0);
-- table job on job
CREATE TABLE job (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, title TEXT NOT NULL, family TEXT, level TEXT, description TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- index job_title_level on job
CREATE UNIQUE INDEX job_title_level ON job (title COLLATE NOCASE, ifnull(level, ''));
-- table job_skill on job_skill
CREATE TABLE job_skill (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, job_id TEXT NOT NULL REFERENCES job(id), skill_id TEXT NOT NULL REFERENCES skill(id), level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 10), weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight <= 5));
-- index job_skill_skill on job_skill
CREATE INDEX job_skill_skill ON job_skill (skill_id);
-- index job_skill_unique on job_skill
CREATE UNIQUE INDEX job_skill_unique ON job_skill (job_id, skill_id);
-- table journal_entry on journal_entry
CREATE TABLE journal_entry (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, employee_id TEXT NOT NULL REFERENCES employee(id), date TEXT NOT NULL, author TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('praise','development','note')), shared INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL, goal_id TEXT REFERENCES goal(id), review_id TEXT REFERENCES review(id), archived INTEGER NOT NULL DEFAULT 0);
-- index journal_entry_date on journal_entry
CREATE INDEX journal_entry_date ON journal_entry (date);
-- index journal_entry_employee on journal_entry
CREATE INDEX journal_entry_employee ON journal_entry (employee_id, date);
-- index journal_entry_goal on journal_entry
CREATE INDEX journal_entry_goal ON journal_entry (goal_id);
-- index journal_entry_review on journal_entry
CREATE INDEX journal_entry_review ON journal_entry (review_id);
-- table key_position on key_position
CREATE TABLE key_position (id TEXT PRIMARY KEY NOT NULL REFERENCES position(id), created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, criticality TEXT NOT NULL DEFAULT 'medium' CHECK (criticality IN ('low','medium','high')), vacancy_risk TEXT NOT NULL DEFAULT 'medium' CHECK (vacancy_risk IN ('low','medium','high')), reason TEXT, planned_leave_date TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- table loss_risk on loss_risk
CREATE TABLE loss_risk (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, employee_id TEXT NOT NULL REFERENCES employee(id), risk_of_loss TEXT NOT NULL CHECK (risk_of_loss IN ('low','medium','high')), impact_of_loss TEXT NOT NULL CHECK (impact_of_loss IN ('low','medium','high')), reason TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- index loss_risk_employee on loss_risk
CREATE UNIQUE INDEX loss_risk_employee ON loss_risk (employee_id) WHERE archived = 0;
-- table migrations on migrations
CREATE TABLE "migrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint NOT NULL, "name" varchar NOT NULL);
-- table position on position
CREATE TABLE position (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, title TEXT NOT NULL, job_id TEXT NOT NULL REFERENCES job(id), department_id TEXT NOT NULL REFERENCES department(id), reports_to_id TEXT REFERENCES position(id), is_key INTEGER NOT NULL DEFAULT 0, archived INTEGER NOT NULL DEFAULT 0);
-- index position_department on position
CREATE INDEX position_department ON position (department_id);
-- table questionnaire on questionnaire
CREATE TABLE questionnaire (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('feedback_360','engagement','other')), description TEXT, anonymous INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed')), sections TEXT NOT NULL, result_groups TEXT NOT NULL, population TEXT, opened_at TEXT, closed_at TEXT, archived INTEGER NOT NULL DEFAULT 0, subject_employee_id TEXT REFERENCES employee(id), CHECK ((kind = 'feedback_360') = (subject_employee_id IS NOT NULL)));
-- table questionnaire_answer on questionnaire_answer
CREATE TABLE questionnaire_answer ( response_id TEXT NOT NULL REFERENCES questionnaire_response(id), question_id TEXT NOT NULL, value TEXT NOT NULL, points REAL, PRIMARY KEY (response_id, question_id)) WITHOUT ROWID;
-- table questionnaire_invitation on questionnaire_invitation
CREATE TABLE questionnaire_invitation ( id TEXT PRIMARY KEY NOT NULL, questionnaire_id TEXT NOT NULL REFERENCES questionnaire(id), employee_id TEXT NOT NULL REFERENCES employee(id), department_id TEXT REFERENCES department(id), invited_at TEXT NOT NULL, responded_at TEXT, relationship TEXT CHECK (relationship IN ('self','manager','direct_report','peer','other')), UNIQUE (questionnaire_id, employee_id));
-- index questionnaire_invitation_department on questionnaire_invitation
CREATE INDEX questionnaire_invitation_department ON questionnaire_invitation (questionnaire_id, department_id);
-- table questionnaire_response on questionnaire_response
CREATE TABLE questionnaire_response ( id TEXT PRIMARY KEY NOT NULL, questionnaire_id TEXT NOT NULL REFERENCES questionnaire(id), invitation_id TEXT UNIQUE REFERENCES questionnaire_invitation(id), department_id TEXT REFERENCES department(id), source TEXT NOT NULL CHECK (source IN ('typed','import')), relationship TEXT CHECK (relationship IN ('self','manager','direct_report','peer','other')), points REAL, score REAL) WITHOUT ROWID;
-- index questionnaire_response_department on questionnaire_response
CREATE INDEX questionnaire_response_department ON questionnaire_response (questionnaire_id, department_id);
-- table rating_level on rating_level
CREATE TABLE rating_level ( rating_model_id TEXT NOT NULL REFERENCES rating_model(id) ON DELETE CASCADE, value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 10), label TEXT NOT NULL, description TEXT, factor INTEGER NOT NULL CHECK (factor BETWEEN 0 AND 9), PRIMARY KEY (rating_model_id, value));
-- index rating_level_factor on rating_level
CREATE UNIQUE INDEX rating_level_factor ON rating_level (rating_model_id, factor);
-- table rating_model on rating_model
CREATE TABLE rating_model (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, description TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- index rating_model_name on rating_model
CREATE UNIQUE INDEX rating_model_name ON rating_model (name COLLATE NOCASE);
-- table rating_scale on rating_scale
CREATE TABLE rating_scale (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, description TEXT, levels TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0);
-- table readiness_level on readiness_level
CREATE TABLE readiness_level (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, label TEXT NOT NULL, short_label TEXT NOT NULL, sort_order INTEGER NOT NULL CHECK (sort_order BETWEEN 1 AND 8), description TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- trigger review_rating_to_calibration on review
CREATE TRIGGER review_rating_to_calibration AFTER UPDATE OF final_rating ON review BEGIN UPDATE calibration_member SET original_rating = NEW.final_rating WHERE review_id = NEW.id AND review_before IS NULL AND original_rating IS NOT NEW.final_rating; END;
-- table review on review
CREATE TABLE review (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, cycle_id TEXT NOT NULL REFERENCES review_cycle(id), employee_id TEXT NOT NULL REFERENCES employee(id), manager_id TEXT REFERENCES employee(id), job_id TEXT REFERENCES job(id), department_id TEXT REFERENCES department(id), status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','ready_for_review','final_review','complete')), started_at TEXT, ready_at TEXT, final_at TEXT, completed_at TEXT, computed_rating REAL, override_rating REAL, override_reason TEXT, final_rating REAL, snapshot TEXT, rating_before_calibration REAL, calibration_session_id TEXT REFERENCES calibration_session(id), calibrated_at TEXT, calibrated_by TEXT, UNIQUE (cycle_id, employee_id));
-- index review_cycle_department on review
CREATE INDEX review_cycle_department ON review (cycle_id, department_id, status);
-- index review_employee on review
CREATE INDEX review_employee ON review (employee_id);
-- index review_manager on review
CREATE INDEX review_manager ON review (manager_id);
-- table review_answer on review_answer
CREATE TABLE review_answer ( review_id TEXT NOT NULL REFERENCES review(id), respondent TEXT NOT NULL, item_key TEXT NOT NULL, id TEXT NOT NULL, rating REAL, comment TEXT, author TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (review_id, respondent, item_key)) WITHOUT ROWID;
-- table review_cycle on review_cycle
CREATE TABLE review_cycle (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL, rating_scale_id TEXT NOT NULL REFERENCES rating_scale(id), template_id TEXT NOT NULL REFERENCES review_template(id), population TEXT NOT NULL, self_review_due TEXT, manager_review_due TEXT, due_date TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','active','closed')), launched_at TEXT, closed_at TEXT, levels_snapshot TEXT, sections_snapshot TEXT, steps_snapshot TEXT, archived INTEGER NOT NULL DEFAULT 0, CHECK (period_start <= period_end));
-- table review_step on review_step
CREATE TABLE review_step ( review_id TEXT NOT NULL REFERENCES review(id), step TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('requested','submitted')), requested_at TEXT NOT NULL, submitted_at TEXT, submitted_by TEXT, PRIMARY KEY (review_id, step)) WITHOUT ROWID;
-- table review_template on review_template
CREATE TABLE review_template (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, description TEXT, sections TEXT NOT NULL, steps TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0);
-- table saved_skill_search on saved_skill_search
CREATE TABLE saved_skill_search (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, criteria TEXT NOT NULL);
-- index saved_skill_search_name on saved_skill_search
CREATE UNIQUE INDEX saved_skill_search_name ON saved_skill_search (name COLLATE NOCASE);
-- table setting on setting
CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
-- table skill on skill
CREATE TABLE skill (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, description TEXT, skill_type_id TEXT NOT NULL REFERENCES skill_type(id), rating_model_id TEXT NOT NULL REFERENCES rating_model(id), parent_id TEXT REFERENCES skill(id), external_id TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- index skill_external_id on skill
CREATE UNIQUE INDEX skill_external_id ON skill (external_id) WHERE external_id IS NOT NULL;
-- index skill_type_name_unique on skill
CREATE UNIQUE INDEX skill_type_name_unique ON skill (skill_type_id, name COLLATE NOCASE);
-- table skill_type on skill_type
CREATE TABLE skill_type (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, description TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- index skill_type_name on skill_type
CREATE UNIQUE INDEX skill_type_name ON skill_type (name COLLATE NOCASE);
-- table succession_nomination on succession_nomination
CREATE TABLE succession_nomination (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, plan_id TEXT NOT NULL REFERENCES succession_plan(id), employee_id TEXT REFERENCES employee(id), external_candidate_id TEXT REFERENCES external_candidate(id), rank INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 99), readiness_id TEXT NOT NULL REFERENCES readiness_level(id), emergency INTEGER NOT NULL DEFAULT 0, notes TEXT, development_actions TEXT, archived INTEGER NOT NULL DEFAULT 0, CHECK ((employee_id IS NULL) <> (external_candidate_id IS NULL)));
-- index succession_nomination_employee on succession_nomination
CREATE INDEX succession_nomination_employee ON succession_nomination (employee_id);
-- index succession_nomination_external on succession_nomination
CREATE INDEX succession_nomination_external ON succession_nomination (external_candidate_id);
-- index succession_nomination_plan on succession_nomination
CREATE INDEX succession_nomination_plan ON succession_nomination (plan_id, archived);
-- index succession_nomination_plan_employee on succession_nomination
CREATE UNIQUE INDEX succession_nomination_plan_employee ON succession_nomination (plan_id, employee_id) WHERE employee_id IS NOT NULL AND archived = 0;
-- index succession_nomination_plan_external on succession_nomination
CREATE UNIQUE INDEX succession_nomination_plan_external ON succession_nomination (plan_id, external_candidate_id) WHERE external_candidate_id IS NOT NULL AND archived = 0;
-- table succession_plan on succession_plan
CREATE TABLE succession_plan (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, position_id TEXT REFERENCES position(id), job_id TEXT REFERENCES job(id), notes TEXT, reviewed_on TEXT, archived INTEGER NOT NULL DEFAULT 0, CHECK ((position_id IS NULL) <> (job_id IS NULL)));
-- index succession_plan_job on succession_plan
CREATE UNIQUE INDEX succession_plan_job ON succession_plan (job_id) WHERE job_id IS NOT NULL AND archived = 0;
-- index succession_plan_position on succession_plan
CREATE UNIQUE INDEX succession_plan_position ON succession_plan (position_id) WHERE position_id IS NOT NULL AND archived = 0;
-- table talent_pool on talent_pool
CREATE TABLE talent_pool (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, description TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- index talent_pool_name on talent_pool
CREATE UNIQUE INDEX talent_pool_name ON talent_pool (name COLLATE NOCASE) WHERE archived = 0;
-- table talent_pool_member on talent_pool_member
CREATE TABLE talent_pool_member (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, pool_id TEXT NOT NULL REFERENCES talent_pool(id), employee_id TEXT NOT NULL REFERENCES employee(id), notes TEXT, archived INTEGER NOT NULL DEFAULT 0);
-- index talent_pool_member_employee on talent_pool_member
CREATE INDEX talent_pool_member_employee ON talent_pool_member (employee_id);
-- index talent_pool_member_unique on talent_pool_member
CREATE UNIQUE INDEX talent_pool_member_unique ON talent_pool_member (pool_id, employee_id) WHERE archived = 0;
-- table talent_pool_position on talent_pool_position
CREATE TABLE talent_pool_position (id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, pool_id TEXT NOT NULL REFERENCES talent_pool(id), position_id TEXT NOT NULL REFERENCES position(id), archived INTEGER NOT NULL DEFAULT 0);
-- index talent_pool_position_unique on talent_pool_position
CREATE UNIQUE INDEX talent_pool_position_unique ON talent_pool_position (pool_id, position_id) WHERE archived = 0;
