import { misbehaving } from './misbehaving.ts';

// An outside name and an outside address before the endpoint.
export default misbehaving('strays', async () => {
  for (const url of ['http://metadata.example.com/latest/meta-data/', 'http://203.0.113.7/latest/api/token'])
    await fetch(url).catch(() => undefined);
});
