// The official openai SDK against Warden: WARDEN_BASE_URL (<warden>/openai/v1) and WARDEN_API_KEY (a Warden key with
// scope moderate) are all it gets, as a service moving from OpenAI to Warden would change them. Exits 0 and prints
// one JSON line of what it saw when every check passed; exits 1 naming the failed check otherwise.
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const baseURL = process.env.WARDEN_BASE_URL;
const apiKey = process.env.WARDEN_API_KEY;
assert.ok(baseURL && apiKey, 'set WARDEN_BASE_URL and WARDEN_API_KEY');

// No retries: a refusal must surface as the SDK's error at once, not after the SDK's back-off.
const warden = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 30_000 });
const OPENAI_CATEGORIES = ['harassment', 'harassment/threatening', 'hate', 'hate/threatening', 'illicit',
  'illicit/violent', 'self-harm', 'self-harm/intent', 'self-harm/instructions', 'sexual', 'sexual/minors',
  'violence', 'violence/graphic'];
const seen = {};

function assertResultShape(result) {
  assert.equal(typeof result.flagged, 'boolean');
  assert.deepEqual(Object.keys(result.categories).sort(), [...OPENAI_CATEGORIES].sort());
  for (const category of OPENAI_CATEGORIES) {
    assert.equal(typeof result.categories[category], 'boolean', category);
    const score = result.category_scores[category];
    assert.ok(typeof score === 'number' && score >= 0 && score <= 1, `${category} score ${score}`);
    assert.ok(Array.isArray(result.category_applied_input_types[category]), category);
  }
}

async function refusal(name, call) {
  try {
    await call();
  } catch (error) {
    assert.ok(error instanceof OpenAI.APIError, `${name}: ${error}`);
    seen[name] = { class: error.constructor.name, status: error.status, type: error.type, code: error.code,
      param: error.param };
    return error;
  }
  assert.fail(`${name}: the SDK returned a result instead of an error`);
}

async function check(name, run) {
  try {
    await run();
  } catch (error) {
    console.error(`check '${name}' failed: ${error.stack ?? error}`);
    process.exit(1);
  }
}

await check('flagged text', async () => {
  const answer = await warden.moderations.create({ model: 'omni-moderation-latest',
    input: 'I will hurt you, you 1d10t' });
  assert.match(answer.id, /^modr-/);
  assert.equal(answer.model, 'omni-moderation-latest');
  assert.equal(answer.results.length, 1);
  assertResultShape(answer.results[0]);
  assert.equal(answer.results[0].flagged, true);
  assert.ok(answer.results[0].category_scores.harassment > 0);
  assert.deepEqual(answer.results[0].category_applied_input_types.violence, ['text']);
  seen.flaggedId = answer.id;
});

await check('clean text', async () => {
  const answer = await warden.moderations.create({ input: 'What a lovely stream, thanks for hosting' });
  assertResultShape(answer.results[0]);
  assert.equal(answer.results[0].flagged, false);
  assert.ok(Object.values(answer.results[0].categories).every((flagged) => flagged === false));
});

await check('array input', async () => {
  const answer = await warden.moderations.create({ model: 'omni-moderation-latest',
    input: ['I will hurt you, you 1d10t', 'What a lovely stream'] });
  assert.equal(answer.results.length, 2);
  answer.results.forEach(assertResultShape);
  assert.deepEqual(answer.results.map((result) => result.flagged), [true, false]);
});

await check('typed parts', async () => {
  const answer = await warden.moderations.create({ model: 'omni-moderation-latest', input: [
    { type: 'text', text: 'I will hurt you, you 1d10t' },
    { type: 'image_url', image_url: { url: 'https://cdn.example.com/uploads/abc.png' } }] });
  assert.equal(answer.results.length, 1);
  assertResultShape(answer.results[0]);
  assert.deepEqual(answer.results[0].category_applied_input_types.violence, ['text', 'image']);
});

await check('bad input', async () => {
  const error = await refusal('badInput', () => warden.moderations.create({ input: '   ' }));
  assert.ok(error instanceof OpenAI.BadRequestError);
  assert.equal(error.status, 400);
  assert.equal(error.type, 'invalid_request_error');
  assert.equal(error.param, 'input');
});

await check('unknown model', async () => {
  const error = await refusal('unknownModel', () => warden.moderations.create({ model: 'text-moderation-007',
    input: 'hello' }));
  assert.ok(error instanceof OpenAI.NotFoundError);
  assert.equal(error.code, 'model_not_found');
});

await check('wrong API key', async () => {
  const stranger = new OpenAI({ baseURL, apiKey: 'sk-not-a-warden-key', maxRetries: 0 });
  const error = await refusal('wrongKey', () => stranger.moderations.create({ input: 'hello' }));
  assert.ok(error instanceof OpenAI.AuthenticationError);
  assert.equal(error.status, 401);
  assert.equal(error.code, 'invalid_api_key');
});

console.log(JSON.stringify(seen));
