#include "activity_answer.hpp"

#include "work/activity.hpp"

namespace tatakerja::server::activity_answer {
namespace {

using org::Id;

void write_person(JsonWriter& w, org::OrgStore& store, Id id) {
  const auto e = store.employee(id);
  w.begin_object().key("id").value(id).key("name").value(e ? e->name : std::string());
  w.end_object();
}

void write_unit(JsonWriter& w, org::OrgStore& store, Id id) {
  const auto u = store.unit(id);
  w.begin_object().key("id").value(id).key("name").value(u ? u->name : std::string());
  w.end_object();
}

// {"employee_id": ..., "name": ...}: who took a step or wrote a note, as recorded then.
void write_actor(JsonWriter& w, const std::optional<Id>& employee_id, const std::string& name) {
  w.begin_object().key("employee_id").value(employee_id).key("name").value(name).end_object();
}

// The members every answer about an activity carries (a list's rows too), the object left open.
void write_summary(JsonWriter& w, const work::Activity& a, const std::string& state_label,
                   org::OrgStore& store) {
  w.begin_object().key("id").value(a.id);
  w.key("region_id").value(a.region_id).key("agency_id").value(a.agency_id);
  w.key("owner_unit");
  write_unit(w, store, a.owner_unit_id);
  w.key("team_id").value(a.team_id).key("assignment_id").value(a.assignment_id);
  w.key("executor");
  write_person(w, store, a.executor_employee_id);
  w.key("title").value(a.title).key("state").value(a.state);
  w.key("state_label").value(state_label).key("state_since").value(a.state_since);
  w.key("progress").value(a.progress).key("rework").value(a.rework);
  w.key("start").value(a.start.iso()).key("end").value(a.end.iso());
  w.key("version").value(a.version).key("updated_at").value(a.updated_at);
}

void write_evidence(JsonWriter& w, const work::Evidence& e) {
  w.begin_object().key("id").value(e.id).key("name").value(e.name);
  w.key("media_type").value(e.media_type).key("size").value(e.size).key("sha256").value(e.sha256);
  w.key("uploaded_by");
  write_actor(w, e.uploaded_by, e.uploader_name);
  w.key("at").value(e.at).key("path").value("/api/v1/evidence/" + std::to_string(e.id));
  w.end_object();
}

void write_chain(JsonWriter& w, const app::ActivityView& v) {
  const auto current = work::stop_of_state(v.activity.state);
  w.begin_array();
  for (const auto& s : v.chain) {
    w.begin_object().key("role").value(s.stop.role);
    w.key("label").value(work::activity_role_label(s.stop.role));
    w.key("position_id").value(s.stop.position_id);
    w.key("position_title").value(s.position_title).key("people").begin_array();
    for (const auto& name : s.people) w.value(name);
    w.end_array().key("current").value(current == s.stop.role).end_object();
  }
  w.end_array();
}

void write_next(JsonWriter& w, const std::vector<app::ActivityNextStep>& next) {
  w.begin_array();
  for (const auto& n : next) {
    w.begin_object().key("transition").value(n.transition).key("role").value(n.role);
    w.key("role_label").value(work::activity_role_label(n.role));
    w.key("reason_required").value(n.reason_required).key("mine").value(n.mine).end_object();
  }
  w.end_array();
}

void write_step(JsonWriter& w, const work::ActivityStep& s) {
  w.begin_object().key("id").value(s.id).key("transition").value(s.transition);
  w.key("from").value(s.from_state).key("to").value(s.to_state).key("actor");
  write_actor(w, s.actor_employee_id, s.actor_name);
  w.key("role").value(s.role).key("reason").value(s.reason).key("at").value(s.at);
  w.end_object();
}

void write_what_may_be_done(JsonWriter& w, const std::vector<app::ActivityNextStep>& next,
                            bool can_note, bool can_feedback, bool can_upload) {
  w.key("next");
  write_next(w, next);
  w.key("can_note").value(can_note).key("can_feedback").value(can_feedback);
  w.key("can_upload").value(can_upload);
}

}  // namespace

void write_steps(JsonWriter& w, const std::vector<work::ActivityStep>& steps) {
  w.begin_array();
  for (const auto& s : steps) write_step(w, s);
  w.end_array();
}

void write_notes(JsonWriter& w, const std::vector<work::ActivityNote>& notes) {
  w.begin_array();
  for (const auto& n : notes) {
    w.begin_object().key("id").value(n.id).key("kind").value(n.kind).key("author");
    write_actor(w, n.author_employee_id, n.author_name);
    w.key("role").value(n.role).key("text").value(n.text).key("progress").value(n.progress);
    w.key("at").value(n.at).end_object();
  }
  w.end_array();
}

std::string activity(const app::ActivityView& v, org::OrgStore& store) {
  const auto& a = v.activity;
  JsonWriter w;
  write_summary(w, a, v.state_label, store);
  w.key("planner");
  write_person(w, store, a.planner_employee_id);
  w.key("agency_kind").value(a.agency_kind).key("target").value(a.target);
  w.key("details").value(a.details).key("budget").value(a.budget).key("flow").value(a.flow);
  w.key("created_at").value(a.created_at).key("chain");
  write_chain(w, v);
  w.key("roles").begin_array();
  for (const auto& r : v.roles) {
    w.begin_object().key("employee");
    write_person(w, store, r.employee_id);
    w.key("role").value(r.role).end_object();
  }
  w.end_array().key("steps");
  write_steps(w, v.steps);
  w.key("steps_total").value(v.steps_total).key("notes");
  write_notes(w, v.notes);
  w.key("notes_total").value(v.notes_total).key("evidence").begin_array();
  for (const auto& e : v.evidence) write_evidence(w, e);
  w.end_array();
  write_what_may_be_done(w, v.next, v.can_note, v.can_feedback, v.can_upload);
  w.end_object();
  return w.take();
}

std::string step_taken(const app::ActivityStepTaken& t) {
  const auto& a = t.activity;
  JsonWriter w;
  w.begin_object().key("id").value(a.id).key("version").value(a.version);
  w.key("state").value(a.state).key("state_label").value(t.state_label);
  w.key("state_since").value(a.state_since).key("progress").value(a.progress);
  w.key("rework").value(a.rework).key("updated_at").value(a.updated_at).key("step");
  write_step(w, t.step);
  write_what_may_be_done(w, t.next, t.can_note, t.can_feedback, t.can_upload);
  w.end_object();
  return w.take();
}

std::string summaries(const std::vector<app::ActivitySummary>& list, org::OrgStore& store,
                      std::optional<org::Id> team_id) {
  JsonWriter w;
  w.begin_object();
  if (team_id) w.key("team_id").value(*team_id);
  w.key("items").begin_array();
  for (const auto& s : list) {
    write_summary(w, s.activity, s.state_label, store);
    w.key("awaiting_me").value(s.awaiting_me).end_object();
  }
  w.end_array().end_object();
  return w.take();
}

std::string evidence(const work::Evidence& e) {
  JsonWriter w;
  write_evidence(w, e);
  return w.take();
}

}  // namespace tatakerja::server::activity_answer
