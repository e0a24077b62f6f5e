// The lawyer's availability query (the centre's bookable days, five working days ahead plus today, with
// every session and the places left), timed one call after another: the latency a lawyer sees, not a
// throughput. Both through HTTP (auth, routing, serialisation included) and straight into the service.
import type { Custos } from '../../src/composition.js';
import type { HttpClient } from './http-client.js';
import type { SignedIn } from './people.js';

export async function timeHttpAvailability(
  http: HttpClient,
  session: SignedIn,
  unitId: string,
  calls: number,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    const answer = await http.request('GET', `/api/centres/${unitId}/availability`, {
      cookie: session.cookie,
    });
    latencies.push(performance.now() - started);
    if (answer.status !== 200) throw new Error(`availability answered ${answer.status}: ${answer.body}`);
  }
  return latencies;
}

export async function timeServiceAvailability(
  custos: Custos,
  unitId: string,
  calls: number,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await custos.services.availability.forCentre(unitId);
    latencies.push(performance.now() - started);
  }
  return latencies;
}
