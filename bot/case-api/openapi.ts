/**
 * The case API's OpenAPI 3.1 document, served at /api/openapi.json and kept
 * in docs/case-api.openapi.json (a test checks the two are the same).
 */
const dateField = { type: "string", format: "date", examples: ["2027-01-11"] };
const errors = {
  description: "Bad input: every bad field named, nothing stored",
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          errors: {
            type: "object",
            additionalProperties: { type: "string" },
            examples: [
              {
                "children[1].nhsNumber":
                  "That is not a valid NHS number (ten digits with a check digit)",
              },
            ],
          },
        },
      },
    },
  },
};
const common = {
  "400": errors,
  "401": {
    description: "No token, or not a valid Entra ID token for this API from the council's tenant",
  },
  "403": { description: "The calling application lacks the Cases.ReadWrite app role" },
  "413": { description: "The body is over 256 KB" },
  "415": { description: "The body is not application/json" },
};
const outcome = {
  description: "Done",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Outcome" } } },
};
const refParam = {
  name: "reference",
  in: "path",
  required: true,
  description: "The council's case reference (Mosaic, LCS or Eclipse id), percent-encoded",
  schema: { type: "string", maxLength: 40, pattern: "^[A-Za-z0-9][A-Za-z0-9 ._-]*$" },
};
const jsonBody = (ref: string) => ({
  required: true,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});

export const CASE_API_OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Convene case API",
    version: "1.0.0",
    description:
      "For the council's case system or integration engine. Callers present Entra ID client-credential access tokens for Convene's API (audience CASE_API_AUDIENCE, default api://<MicrosoftAppId>) with the Cases.ReadWrite app role. Bodies are JSON, at most 256 KB. Every change is audited with the calling application's id.",
  },
  security: [{ entra: [] }],
  paths: {
    "/api/cases/{reference}": {
      put: {
        summary: "Create or update a case (idempotent: the same body twice is one case)",
        parameters: [refParam],
        requestBody: jsonBody("Case"),
        responses: {
          "201": { ...outcome, description: "Created" },
          "200": { ...outcome, description: "Updated, or unchanged" },
          ...common,
        },
      },
    },
    "/api/cases/{reference}/strategy-discussions": {
      post: {
        summary:
          "A strategy discussion started a section 47 enquiry: opens the ICPC request, its limit and deadlines",
        parameters: [refParam],
        requestBody: jsonBody("StrategyDiscussion"),
        responses: {
          "201": outcome,
          "200": { ...outcome, description: "Already recorded" },
          "404": { description: "No such case" },
          ...common,
        },
      },
    },
    "/api/cases/{reference}/looked-after": {
      post: {
        summary: "A child became looked after: opens the first CLA review's timeline",
        parameters: [refParam],
        requestBody: jsonBody("LookedAfter"),
        responses: {
          "201": outcome,
          "200": { ...outcome, description: "Already recorded" },
          "404": { description: "No such case" },
          ...common,
        },
      },
    },
  },
  components: {
    securitySchemes: {
      entra: {
        type: "oauth2",
        flows: {
          clientCredentials: {
            tokenUrl: "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
            scopes: {},
          },
        },
      },
    },
    schemas: {
      Person: {
        type: "string",
        description: "A member of staff on Convene's staff list: Entra object id or email",
      },
      Plan: {
        type: "object",
        required: ["start"],
        properties: {
          start: dateField,
          end: dateField,
          category: { enum: ["neglect", "physical", "emotional", "sexual", "multiple"] },
        },
      },
      Child: {
        type: "object",
        required: ["name"],
        description: "dob, or expectedDob for an unborn child (exactly one)",
        properties: {
          id: { type: "string", maxLength: 80, description: "The case system's id for the child" },
          name: { type: "string", maxLength: 200 },
          dob: dateField,
          expectedDob: dateField,
          nhsNumber: {
            type: "string",
            description: "Ten digits, modulus-11 check digit; spaces allowed",
          },
          lookedAfterSince: dateField,
          cpPlans: { type: "array", items: { $ref: "#/components/schemas/Plan" } },
        },
      },
      Case: {
        type: "object",
        required: ["children", "socialWorker", "teamManager"],
        properties: {
          reference: { type: "string", description: "If given, must equal the URL's" },
          children: {
            type: "array",
            minItems: 1,
            maxItems: 20,
            items: { $ref: "#/components/schemas/Child" },
          },
          indexChild: { type: "string", description: "A child's id; the first child when absent" },
          socialWorker: { $ref: "#/components/schemas/Person" },
          teamManager: { $ref: "#/components/schemas/Person" },
          serviceManager: { $ref: "#/components/schemas/Person" },
          team: { type: "string" },
        },
      },
      StrategyDiscussion: {
        type: "object",
        required: ["date", "children"],
        properties: {
          date: dateField,
          children: {
            type: "array",
            minItems: 1,
            items: { type: "string" },
            description: "Children's ids",
          },
          indexChild: { type: "string" },
        },
      },
      LookedAfter: {
        type: "object",
        required: ["child", "date"],
        properties: { child: { type: "string" }, date: dateField },
      },
      Outcome: {
        type: "object",
        properties: {
          outcome: { enum: ["created", "updated", "unchanged"] },
          meetingId: { type: "string" },
          mustBeHeldBy: { type: ["string", "null"], format: "date-time" },
        },
      },
    },
  },
} as const;
