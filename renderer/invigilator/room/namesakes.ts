// The room names namesakes as every screen does (shared/namesakes.ts: with the birthdate).
export { candidateName, isNamesake, namesakeNames } from '../../shared/namesakes.ts';
