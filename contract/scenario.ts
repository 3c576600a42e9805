// A scenario through a TypeScript client generated from Parley's OpenAPI document (openapi-typescript types,
// openapi-fetch calls), as a service integrating with Parley would write it. Type-checked by `npm run client`
// (a change to the API that breaks the client fails there) and run by TypeScriptClientIT against the packaged app:
//   node build/scenario.js BASE_URL EDITOR_USER EDITOR_PASSWORD
import assert from "node:assert/strict";
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/parley.js";

type Problem = components["schemas"]["Problem"];
type Event = components["schemas"]["Event"];
// The document says which fields may be null: were null dropped from their types, these lines would not compile
const noLocation: Event["location"] = null;
const noEndDate: Event["endDate"] = null;

const [baseUrl, user, password] = process.argv.slice(2);
if (!baseUrl || !user || !password) {
  throw new Error("usage: node build/scenario.js BASE_URL EDITOR_USER EDITOR_PASSWORD");
}
const anonymous = createClient<paths>({ baseUrl });
const editor = createClient<paths>({
  baseUrl,
  headers: { Authorization: "Basic " + Buffer.from(`${user}:${password}`).toString("base64") },
});
const unique = (prefix: string) => `${prefix}-ts-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

/** A list answered as JSON: the operation also answers CSV and NDJSON, so the client's type is their union. */
function page<T extends object>(data: T | undefined): Extract<T, { total?: number }> {
  assert.ok(data && "total" in data && "items" in data, `a page: ${JSON.stringify(data)}`);
  return data as Extract<T, { total?: number }>;
}

function problem(error: unknown): Problem {
  assert.ok(error && typeof error === "object" && "status" in error, `a problem: ${JSON.stringify(error)}`);
  return error as Problem;
}

// participants and a topic
const wang = await editor.POST("/api/v1/participants", {
  body: { name: unique("Wang Yi"), kind: "PERSON", country: "CN", title: "Minister of Foreign Affairs" },
});
const lavrov = await editor.POST("/api/v1/participants", {
  body: { name: unique("Sergey Lavrov"), kind: "PERSON", country: "RU", aliases: ["Сергей Лавров"] },
});
assert.equal(wang.response.status, 201);
assert.ok(wang.data?.id && lavrov.data?.id);
assert.deepEqual(lavrov.data.aliases, ["Сергей Лавров"]);
const slug = unique("kazakhstan");
const topic = await editor.POST("/api/v1/topics", { body: { slug, name: "Kazakhstan unrest" } });
assert.equal(topic.data?.slug, slug);

// an event with a statement
const created = await editor.POST("/api/v1/events", {
  body: {
    title: "Entretien téléphonique sur le Kazakhstan", type: "PHONE_CALL", date: "2022-01-10",
    participants: [{ participantId: wang.data.id, role: "Host" }, { participantId: lavrov.data.id, role: "Guest" }],
    subjectCountries: ["KZ"], topics: [slug],
  },
});
assert.equal(created.response.status, 201, JSON.stringify(created.error));
const eventId = created.data!.id!;
assert.deepEqual(created.data!.countries, ["CN", "RU"]);
const said = await editor.POST("/api/v1/statements", {
  body: { eventId, speakerId: wang.data.id, text: "La Chine soutient le Kazakhstan.", language: "fr", kind: "REPORTED" },
});
assert.equal(said.data?.text, "La Chine soutient le Kazakhstan.");

// query it by country and topic, then read it with its ETag
const found = await anonymous.GET("/api/v1/events", {
  params: { query: { country: ["kaz"], countryRole: "subject", topic: [slug], from: "2022-01-01", to: "2022-01-31" } },
});
assert.equal(page(found.data).total, 1);
assert.equal(page(found.data).items?.[0]?.id, eventId);
const read = await anonymous.GET("/api/v1/events/{id}", { params: { path: { id: eventId } } });
const etag = read.response.headers.get("ETag");
assert.ok(etag, "an ETag");
assert.equal(read.data?.statements?.length, 1);
// a record whose optional fields are null: a strict client must check before it reads inside them
const event = read.data!;
const city: string = event.location?.city ?? "(no place given)";
assert.equal(city, "(no place given)");
assert.equal(event.location, noLocation);
assert.equal(event.endDate, noEndDate);
assert.equal(event.externalId, null);
assert.deepEqual(event.topics?.map((t) => t.slug), [slug]);
// the read sent back unchanged, nulls and all, is a valid replacement; topics may be objects or slugs
const replaced = await editor.PUT("/api/v1/events/{id}", {
  params: { path: { id: eventId } },
  body: { ...event, title: event.title!, type: event.type!, date: event.date!, participants: event.participants! },
});
assert.equal(replaced.response.status, 200, JSON.stringify(replaced.error));
assert.equal(replaced.data?.version, 0, "sending a read back changes nothing");
const unchanged = await anonymous.GET("/api/v1/events/{id}", {
  params: { path: { id: eventId }, header: { "If-None-Match": etag } },
});
assert.equal(unchanged.response.status, 304);

// change it with a merge patch under If-Match; the same tag again is stale: a typed 412 problem
const patched = await editor.PATCH("/api/v1/events/{id}", {
  params: { path: { id: eventId }, header: { "If-Match": etag } },
  body: { summary: "Sur le Kazakhstan" },
  headers: { "Content-Type": "application/merge-patch+json" },
});
assert.equal(patched.response.status, 200, JSON.stringify(patched.error));
assert.equal(patched.data?.summary, "Sur le Kazakhstan");
assert.equal(patched.data?.version, 1);
const stale = await editor.PATCH("/api/v1/events/{id}", {
  params: { path: { id: eventId }, header: { "If-Match": etag } },
  body: { summary: "Écrasé" },
  headers: { "Content-Type": "application/merge-patch+json" },
});
assert.equal(stale.response.status, 412);
assert.equal(problem(stale.error).type, "urn:parley:problem:precondition-failed");

// a page of statements, and a field that breaks a rule
const statements = await anonymous.GET("/api/v1/statements", { params: { query: { event: String(eventId), size: 1 } } });
assert.equal(page(statements.data).total, 1);
const invalid = await editor.POST("/api/v1/participants", {
  body: { name: unique("Nobody"), kind: "PERSON", country: "XX" },
});
assert.equal(invalid.response.status, 400);
assert.equal(problem(invalid.error).violations?.[0]?.field, "country");

// delete: the event goes with its statement
const deleted = await editor.DELETE("/api/v1/events/{id}", { params: { path: { id: eventId } } });
assert.equal(deleted.response.status, 204);
const gone = await anonymous.GET("/api/v1/events/{id}", { params: { path: { id: eventId } } });
assert.equal(gone.response.status, 404);
assert.equal(problem(gone.error).type, "urn:parley:problem:not-found");

console.log(`TypeScript client scenario passed against ${baseUrl}`);
