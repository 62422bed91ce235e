import { defineConfig } from 'vitest/config';
import { databaseTests } from '../../vitest.shared.js';

export default defineConfig(databaseTests);
