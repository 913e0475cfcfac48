// Drives the official Anthropic and OpenAI SDKs against a base URL (Godel's proxy or an upstream directly).
// Input: one JSON argument, a list of jobs {sdk, mode, baseURL, apiKey, model, prompt}. Output: a JSON list of results.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

const tool = { name: 'read_file', description: 'Read a file', input_schema: { type: 'object', properties: { path: { type: 'string' } } } };
const respTool = { type: 'function', name: 'read_file', description: 'Read a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } };
const fnTool = { type: 'function', function: { name: 'read_file', description: 'Read a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } } };

async function collect(stream) {
  const events = [];
  for await (const e of stream) events.push(e);
  return events;
}

async function anthropic(job) {
  const client = new Anthropic({ baseURL: job.baseURL, apiKey: job.apiKey, maxRetries: 0, timeout: 20000 });
  const base = { model: job.model, max_tokens: 64, messages: [{ role: 'user', content: job.prompt }] };
  switch (job.mode) {
    case 'json': return await client.messages.create(base);
    case 'stream': return await collect(await client.messages.create({ ...base, stream: true }));
    case 'tools': return await client.messages.create({ ...base, tools: [tool] });
    case 'helper': return await client.messages.stream(base).finalMessage();
    default: throw new Error('unknown mode ' + job.mode);
  }
}

async function openai(job) {
  const client = new OpenAI({ baseURL: job.baseURL, apiKey: job.apiKey, maxRetries: 0, timeout: 20000 });
  const base = { model: job.model, messages: [{ role: 'user', content: job.prompt }] };
  switch (job.mode) {
    case 'json': return await client.chat.completions.create(base);
    case 'stream': return await collect(await client.chat.completions.create({ ...base, stream: true }));
    case 'stream-usage': return await collect(await client.chat.completions.create({ ...base, stream: true, stream_options: { include_usage: true } }));
    case 'tools': return await client.chat.completions.create({ ...base, tools: [fnTool] });
    case 'responses': return await client.responses.create({ model: job.model, input: job.prompt });
    case 'responses-tools': return await client.responses.stream({ model: job.model, input: job.prompt, tools: [respTool] }).finalResponse();
    case 'responses-helper': return await client.responses.stream({ model: job.model, input: job.prompt }).finalResponse();
    case 'chat-helper': return await client.chat.completions.stream(base).finalChatCompletion();
    default: throw new Error('unknown mode ' + job.mode);
  }
}

const results = [];
for (const job of JSON.parse(process.argv[2])) {
  try {
    results.push({ ok: true, value: job.sdk === 'anthropic' ? await anthropic(job) : await openai(job) });
  } catch (e) {
    results.push({ ok: false, status: e.status ?? null, error: String(e.message ?? e) });
  }
}
process.stdout.write(JSON.stringify(results));
