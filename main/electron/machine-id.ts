// The OS machine id (hashed by node-machine-id), recorded for IT at enrollment and never trusted:
// cloned lab images share it. An OS that does not give one is not a reason to refuse to start.
import nodeMachineId from 'node-machine-id';

export async function readMachineId(log: (message: string) => void): Promise<string> {
  try {
    return await nodeMachineId.machineId();
  } catch (error) {
    log(`machine id unavailable (${error instanceof Error ? error.message : 'error'})`);
    return 'unknown';
  }
}
